package dev.tandem.app.view;

import dev.tandem.app.fx.FxExecutor;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Keeps a window that grows with its content on its screen: its height capped to the screen's
 * visual bounds less a margin, and moved up (or left) so that its bottom, where a dialog keeps its
 * buttons, stays in view.
 */
public final class ScreenFit {
    /** The space kept free between a dialog and the edges of the screen's visual bounds. */
    public static final double SCREEN_MARGIN = 16;

    private ScreenFit() {
    }

    /**
     * After {@code dialog}'s content grew or shrank (more lines, another step): on the next pulse,
     * sizes its window to the content again and keeps it on the screen.
     */
    static void refit(Dialog<?> dialog) {
        FxExecutor.INSTANCE.later(() -> {
            Scene scene = dialog.getDialogPane().getScene();
            Window w = scene == null ? null : scene.getWindow();
            if (w != null && w.isShowing()) {
                w.sizeToScene();
                fit(w, dialog.getOwner(), SCREEN_MARGIN);
            }
        });
    }

    /** Fits {@code w} to the screen that {@code owner} (else {@code w}) is mostly on. */
    public static void fit(Window w, Window owner, double margin) {
        Rectangle2D screen = screenBounds(owner != null && owner.isShowing() ? owner : w);
        double maxHeight = Math.max(0, screen.getHeight() - 2 * margin);
        if (w.getHeight() > maxHeight) {
            w.setHeight(maxHeight);
        }
        double bottom = screen.getMaxY() - margin;
        if (w.getY() + w.getHeight() > bottom) {
            w.setY(Math.max(screen.getMinY() + margin, bottom - w.getHeight()));
        } else if (w.getY() < screen.getMinY()) {
            w.setY(screen.getMinY() + margin);
        }
        if (w.getWidth() <= screen.getWidth()) {
            if (w.getX() + w.getWidth() > screen.getMaxX()) {
                w.setX(screen.getMaxX() - w.getWidth());
            } else if (w.getX() < screen.getMinX()) {
                w.setX(screen.getMinX());
            }
        }
    }

    /** The visual bounds of the screen {@code ref} overlaps most; the primary screen's when it has no place yet. */
    private static Rectangle2D screenBounds(Window ref) {
        if (ref != null && !Double.isNaN(ref.getX()) && !Double.isNaN(ref.getY())) {
            double width = Math.max(1, ref.getWidth());
            double height = Math.max(1, ref.getHeight());
            Screen best = null;
            double bestArea = -1;
            for (Screen s : Screen.getScreensForRectangle(ref.getX(), ref.getY(), width, height)) {
                Rectangle2D b = s.getBounds();
                double w = Math.min(b.getMaxX(), ref.getX() + width) - Math.max(b.getMinX(), ref.getX());
                double h = Math.min(b.getMaxY(), ref.getY() + height) - Math.max(b.getMinY(), ref.getY());
                double area = Math.max(0, w) * Math.max(0, h);
                if (area > bestArea) {
                    best = s;
                    bestArea = area;
                }
            }
            if (best != null) {
                return best.getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
