package dev.tandem.engine.internal.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;

/**
 * Child process for {@link BatchCodecFuzzTest}: run with a 32 MiB heap, decodes objects whose
 * headers claim gigabytes (frame length, arrays, maps, strings, blobs at every position), a
 * deflate bomb that inflates past the limit, and random fuzz. Exits 0 after "rejected all" when
 * each failed only with a format error; an OutOfMemoryError kills it (-XX:+ExitOnOutOfMemoryError).
 */
public final class DecoderHeapCheck {
    private DecoderHeapCheck() {
    }

    public static void main(String[] args) {
        List<byte[]> hostile = new ArrayList<>();
        Random r = new Random(1);
        byte[] valid = FuzzInputs.validBatch(r);
        byte[] fourGb = valid.clone();
        ByteBuffer.wrap(fourGb).putInt(8, -1);
        hostile.add(fourGb);
        byte[] body = Frame.unwrap(valid, Frame.KIND_BATCH, FuzzInputs.KEY);
        for (byte[] claim : FuzzInputs.HUGE_CLAIMS) {
            for (int at = 0; at < body.length; at++) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.write(body, 0, at);
                b.write(claim, 0, claim.length);
                b.write(body, at, body.length - at);
                for (byte kind = Frame.KIND_BATCH; kind <= 4; kind++) {
                    hostile.add(Frame.wrap(kind, Frame.maxVersion(kind), b.toByteArray()));
                }
            }
        }
        hostile.add(bomb(Frame.MAX_INFLATED + 1));
        for (int i = 0; i < 20_000; i++) {
            hostile.add(FuzzInputs.any(r, i % 4 == 0));
        }
        for (byte[] object : hostile) {
            for (int decoder = 0; decoder < 4; decoder++) {
                FuzzInputs.decodeSafely(object, decoder);
            }
        }
        System.out.println("rejected all " + hostile.size() + " in " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    }

    /** A frame whose deflated body is small but inflates to {@code size} zero bytes. */
    static byte[] bomb(int size) {
        Deflater d = new Deflater(9);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 << 10];
        for (int left = size; left > 0; left -= zeros.length) {
            d.setInput(zeros, 0, Math.min(left, zeros.length));
            while (!d.needsInput()) {
                out.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        byte[] stored = out.toByteArray();
        ByteBuffer frame = ByteBuffer.allocate(Frame.HEADER + stored.length).put(new byte[] {'T', 'N', 'D', 'M', 1, 1,
                Frame.KIND_BATCH, 0}).putInt(stored.length);
        CRC32C crc = new CRC32C();
        crc.update(frame.array(), 0, 12);
        crc.update(stored);
        return frame.putInt((int) crc.getValue()).put(stored).array();
    }
}
