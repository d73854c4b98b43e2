import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws Tandem's app icon, the one source image every icon format is made from (see MakeAppIcons.java):
 * two note cards in tandem, the front one ticked, on an indigo-to-sky tile. 1024 x 1024 so macOS's largest
 * retina size needs no upscaling. Drawn by code so anyone can change it without a drawing program; a designer's
 * 1024 x 1024 PNG can replace the output file just as well.
 *
 * <pre>java installer/icon/DrawAppIcon.java ui-resources/src/icon/app-icon-source.png</pre>
 */
public final class DrawAppIcon {
    private static final int SIZE = 1024;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java installer/icon/DrawAppIcon.java OUTPUT.png");
            System.exit(2);
        }
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);

        // Tile: a transparent margin keeps it the size of other apps' icons in docks and menus.
        RoundRectangle2D tile = new RoundRectangle2D.Double(72, 72, 880, 880, 200, 200);
        g.setPaint(new GradientPaint(72, 72, new Color(0x4F46E5), 952, 952, new Color(0x0EA5E9)));
        g.fill(tile);

        // Back card, tilted: the second device, in tandem with the first.
        AffineTransform straight = g.getTransform();
        g.rotate(Math.toRadians(-10), 470, 470);
        g.setColor(new Color(255, 255, 255, 90));
        g.fill(new RoundRectangle2D.Double(230, 200, 480, 540, 120, 120));
        g.setTransform(straight);

        // Front card with a soft shadow.
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(15, 23, 42, 6));
            g.fill(new RoundRectangle2D.Double(300 - i + 14, 270 - i + 22, 480 + 2 * i, 540 + 2 * i, 120 + 2 * i, 120 + 2 * i));
        }
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(300, 270, 480, 540, 120, 120));

        // The tick: bold enough to survive 32 px.
        Path2D tick = new Path2D.Double();
        tick.moveTo(395, 475);
        tick.lineTo(480, 560);
        tick.lineTo(660, 380);
        g.setStroke(new BasicStroke(68, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x4F46E5));
        g.draw(tick);

        // Two lines of note text.
        g.setColor(new Color(0xC7D2FE));
        g.fill(new RoundRectangle2D.Double(385, 640, 310, 40, 40, 40));
        g.fill(new RoundRectangle2D.Double(385, 712, 210, 40, 40, 40));
        g.dispose();

        File out = new File(args[0]);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        System.out.println("wrote " + out);
    }
}
