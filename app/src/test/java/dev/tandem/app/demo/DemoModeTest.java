package dev.tandem.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.AppStage;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class DemoModeTest {

    @ParameterizedTest
    @CsvSource({"0,0,1366,768", "0,0,1920,1080", "0,27,1600,973", "1920,0,1280,800", "0,0,2560,1440"})
    void windows_anyScreen_bothInsideAndAtLeastMinimumWidth(double x, double y, double w, double h) {
        Rectangle2D screen = new Rectangle2D(x, y, w, h);
        List<Rectangle2D> at = DemoMode.windows(screen);
        assertEquals(2, at.size());
        for (Rectangle2D r : at) {
            assertTrue(r.getMinX() >= screen.getMinX() && r.getMaxX() <= screen.getMaxX(), r + " inside " + screen);
            assertTrue(r.getMinY() >= screen.getMinY() && r.getMaxY() <= screen.getMaxY(), r + " inside " + screen);
            assertTrue(r.getWidth() >= AppStage.MIN_WIDTH, r + " at least the app's minimum width");
        }
    }

    @ParameterizedTest
    @CsvSource({"1920,1080", "2560,1440"})
    void windows_wideScreen_sideBySideWithoutOverlap(double w, double h) {
        List<Rectangle2D> at = DemoMode.windows(new Rectangle2D(0, 0, w, h));
        assertTrue(at.get(0).getMaxX() <= at.get(1).getMinX(), at.toString());
        assertTrue(at.get(0).getHeight() >= Math.min(1000, h - 40), "as tall as the screen allows: " + at);
    }

    @ParameterizedTest
    @CsvSource({"1366,768", "1280,800"})
    void windows_laptopScreen_cascadedSoBothTitleBarsShow(double w, double h) {
        List<Rectangle2D> at = DemoMode.windows(new Rectangle2D(0, 0, w, h));
        assertTrue(at.get(1).getMinX() > at.get(0).getMinX() && at.get(1).getMinY() > at.get(0).getMinY(), at.toString());
    }
}
