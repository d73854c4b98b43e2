package dev.tandem.app.vm.attachment;

import dev.tandem.ui.messages.Messages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * An image from the clipboard as its pixels ({@code argb}, row by row), which the view reads on the
 * FX thread; {@link #png} encodes it, off that thread, into the file that is attached.
 */
public record PastedImage(int width, int height, int[] argb) {
    public PastedImage {
        if (width <= 0 || height <= 0 || argb.length != (long) width * height) {
            throw new IllegalArgumentException("argb: " + argb.length + " pixels for " + width + " × " + height);
        }
    }

    /** The image as a PNG file's bytes (lossless, with its transparency). */
    public byte[] png() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, width * height / 2));
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("This Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("editor.attachments.cannotEncode"), e);
        }
        return out.toByteArray();
    }
}
