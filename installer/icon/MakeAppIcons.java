import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Makes the app icon in every format the installers and the app use, from one square source PNG (at least
 * 1024 x 1024):
 * <ul>
 *   <li>app-icon.png, 256 x 256: the Linux launcher and menu entry, and the app's window icon;</li>
 *   <li>app-icon.ico, 16 to 256: the Windows launcher, Start menu and installer;</li>
 *   <li>app-icon.icns, 16 to 1024 with retina sizes: the macOS bundle.</li>
 * </ul>
 * Both containers hold PNG images (Windows Vista and macOS 10.7 onwards read them), so no tool beyond the JDK is
 * needed and the output is the same on every machine.
 *
 * <pre>java installer/icon/MakeAppIcons.java ui-resources/src/icon/app-icon-source.png ui-resources/src/main/resources/dev/tandem/ui/icons</pre>
 */
public final class MakeAppIcons {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java installer/icon/MakeAppIcons.java SOURCE.png OUTPUT_DIR");
            System.exit(2);
        }
        BufferedImage source = ImageIO.read(new File(args[0]));
        if (source == null) {
            throw new IOException(args[0] + " is not an image ImageIO can read");
        }
        if (source.getWidth() != source.getHeight() || source.getWidth() < 1024) {
            throw new IOException(args[0] + " must be square and at least 1024 px, not "
                    + source.getWidth() + " x " + source.getHeight());
        }
        Path dir = Paths.get(args[1]);
        Files.createDirectories(dir);

        Files.write(dir.resolve("app-icon.png"), png(scale(source, 256)));
        Files.write(dir.resolve("app-icon.ico"), ico(source, List.of(16, 24, 32, 48, 64, 128, 256)));

        // ICNS element types that hold PNG data, by pixel size; ic11 to ic14 are the @2x variants.
        Map<String, Integer> icns = new LinkedHashMap<>();
        icns.put("icp4", 16);
        icns.put("ic11", 32);
        icns.put("icp5", 32);
        icns.put("ic12", 64);
        icns.put("ic07", 128);
        icns.put("ic13", 256);
        icns.put("ic08", 256);
        icns.put("ic14", 512);
        icns.put("ic09", 512);
        icns.put("ic10", 1024);
        Files.write(dir.resolve("app-icon.icns"), icns(source, icns));
        System.out.println("wrote app-icon.png, app-icon.ico, app-icon.icns to " + dir);
    }

    /**
     * Area averaging (a box filter with fractional edges) on premultiplied colour: every source pixel counts, so
     * thin strokes neither vanish nor ring at 16 px, and transparent pixels do not darken the tile's edge the way
     * averaging straight ARGB (as Image.getScaledInstance does) would.
     */
    private static BufferedImage scale(BufferedImage source, int size) {
        int n = source.getWidth();
        if (n == size) {
            return source;
        }
        double[][] pixels = new double[4][n * n]; // premultiplied a, r, g, b
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int argb = source.getRGB(x, y);
                double a = (argb >>> 24) / 255.0;
                pixels[0][y * n + x] = a;
                pixels[1][y * n + x] = a * ((argb >> 16) & 0xff);
                pixels[2][y * n + x] = a * ((argb >> 8) & 0xff);
                pixels[3][y * n + x] = a * (argb & 0xff);
            }
        }
        double[][] rows = new double[4][size * n];    // scaled along x: size wide, n high
        double[][] out = new double[4][size * size];
        double[][] weights = boxWeights(n, size);
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < size; x++) {
                    double sum = 0;
                    for (int i = (int) weights[x][0], k = 1; k < weights[x].length; i++, k++) {
                        sum += weights[x][k] * pixels[c][y * n + i];
                    }
                    rows[c][y * size + x] = sum;
                }
            }
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double sum = 0;
                    for (int i = (int) weights[y][0], k = 1; k < weights[y].length; i++, k++) {
                        sum += weights[y][k] * rows[c][i * size + x];
                    }
                    out[c][y * size + x] = sum;
                }
            }
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int p = 0; p < size * size; p++) {
            double a = out[0][p];
            int alpha = (int) Math.round(a * 255);
            int argb = alpha << 24;
            if (alpha > 0) {
                for (int c = 1; c < 4; c++) {
                    argb |= Math.min(255, (int) Math.round(out[c][p] / a)) << (8 * (3 - c));
                }
            }
            image.setRGB(p % size, p / size, argb);
        }
        return image;
    }

    /** For each target pixel: its first source pixel, then the weight of each source pixel it covers (sum 1). */
    private static double[][] boxWeights(int from, int to) {
        double step = (double) from / to;
        double[][] weights = new double[to][];
        for (int t = 0; t < to; t++) {
            double start = t * step;
            double end = start + step;
            int first = (int) Math.floor(start);
            int last = Math.min(from - 1, (int) Math.ceil(end) - 1);
            weights[t] = new double[last - first + 2];
            weights[t][0] = first;
            for (int i = first; i <= last; i++) {
                double cover = Math.min(end, i + 1) - Math.max(start, i);
                weights[t][i - first + 1] = cover / step;
            }
        }
        return weights;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer");
        }
        return bytes.toByteArray();
    }

    /** ICONDIR, then one 16-byte ICONDIRENTRY per image, then the PNG data; little-endian. */
    private static byte[] ico(BufferedImage source, List<Integer> sizes) throws IOException {
        byte[][] images = new byte[sizes.size()][];
        for (int i = 0; i < sizes.size(); i++) {
            images[i] = png(scale(source, sizes.get(i)));
        }
        int offset = 6 + 16 * sizes.size();
        int total = offset;
        for (byte[] image : images) {
            total += image.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            out.put((byte) 0).put((byte) 0);                      // no palette, reserved
            out.putShort((short) 1).putShort((short) 32);         // colour planes, bits per pixel
            out.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            out.put(image);
        }
        return out.array();
    }

    /** "icns", total length, then (type, length including this 8-byte header, PNG data) per element; big-endian. */
    private static byte[] icns(BufferedImage source, Map<String, Integer> elements) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (Map.Entry<String, Integer> element : elements.entrySet()) {
            byte[] image = png(scale(source, element.getValue()));
            data.write(element.getKey().getBytes(StandardCharsets.US_ASCII));
            data.writeInt(8 + image.length);
            data.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.write("icns".getBytes(StandardCharsets.US_ASCII));
        header.writeInt(8 + body.size());
        body.writeTo(file);
        return file.toByteArray();
    }
}
