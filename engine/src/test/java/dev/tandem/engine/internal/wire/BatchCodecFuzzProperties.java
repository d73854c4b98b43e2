package dev.tandem.engine.internal.wire;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assertions;

/**
 * Fuzzing the batch and head decoders with jqwik, so a failing input shrinks: any bytes, any bytes
 * in a valid frame (the MessagePack parser meets them), and valid objects with shrinkable lists of
 * damage. The only acceptable failure is the engine's own format error naming the object; see
 * {@link FuzzInputs#decodeSafely}. {@link BatchCodecFuzzTest} adds a time-bounded random run and a
 * small-heap run.
 */
@Tag("property")
class BatchCodecFuzzProperties {
    /** One damage to a body: where (a fraction of its length), what, and with which byte. */
    record Damage(double at, int kind, int value) {
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 255)).as(Damage::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 3000)
    void decode_anyBytes_onlyFormatErrors(@ForAll @Size(max = 1024) byte[] bytes, @ForAll boolean head) {
        FuzzInputs.decodeSafely(bytes, head);
    }

    @Property(tries = 3000)
    void decode_anyBytesInAValidFrame_onlyFormatErrors(@ForAll @Size(max = 1024) byte[] body, @ForAll boolean head) {
        FuzzInputs.decodeSafely(Frame.wrap(head ? Frame.KIND_HEAD : Frame.KIND_BATCH, body), head);
        if (!head) {
            FuzzInputs.decodeSafely(Frame.wrap(Frame.KIND_BATCH, Frame.BATCH_VERSION, body), false);
        }
    }

    @Property(tries = 3000)
    void decode_damagedValidObject_onlyFormatErrors(@ForAll long seed, @ForAll("damages") List<Damage> damages,
                                                   @ForAll boolean head) {
        Random r = new Random(seed);
        byte[] valid = head ? FuzzInputs.validHead(r) : FuzzInputs.validBatch(r);
        byte[] body = Frame.unwrap(valid, valid[6], FuzzInputs.KEY);
        for (Damage d : damages) {
            body = FuzzInputs.mutateOnce(new Random(Double.hashCode(d.at()) * 961L + d.kind() * 31L + d.value()), body);
        }
        FuzzInputs.decodeSafely(FuzzInputs.rewrap(valid, body), head);
    }

    @Property(tries = 3000)
    void decode_tokenSoup_onlyFormatErrors(@ForAll long seed, @ForAll boolean head) {
        Random r = new Random(seed);
        FuzzInputs.decodeSafely(FuzzInputs.wrapAnyVersion(r, head, FuzzInputs.tokenSoup(r)), head);
    }

    @Property(tries = 1000)
    void decode_damagedHeader_onlyFormatErrors(@ForAll long seed, @ForAll boolean head) {
        Random r = new Random(seed);
        FuzzInputs.decodeSafely(FuzzInputs.mutateFrame(r, head ? FuzzInputs.validHead(r) : FuzzInputs.validBatch(r)), head);
    }

    @Property(tries = 3000)
    void decodeSnapshot_damagedValidPartOrManifest_onlyFormatErrors(@ForAll long seed,
            @ForAll("damages") List<Damage> damages) {
        Random r = new Random(seed);
        byte[] valid = FuzzInputs.validSnapshotObject(r);
        byte[] body = Frame.unwrap(valid, valid[6], FuzzInputs.KEY);
        for (Damage d : damages) {
            body = FuzzInputs.mutateOnce(new Random(Double.hashCode(d.at()) * 961L + d.kind() * 31L + d.value()), body);
        }
        byte[] object = FuzzInputs.rewrap(valid, body);
        FuzzInputs.decodeSafely(object, 2);
        FuzzInputs.decodeSafely(object, 3);
    }

    @Property(tries = 500)
    void decode_validObject_roundTrips(@ForAll long seed) {
        Batch b = FuzzInputs.batch(new Random(seed));
        Batch back = BatchCodec.decode(BatchCodec.encode(b, 0), FuzzInputs.KEY);
        Assertions.assertEquals(FuzzInputs.canonical(b), FuzzInputs.canonical(back));
    }

    @Property(tries = 500)
    void decode_layout1Object_sameBatchAsLayout2(@ForAll long seed) {
        Batch b = FuzzInputs.batch(new Random(seed));
        byte[] layout1 = LegacyBatchEncoder.encode(b, 0);
        Assertions.assertEquals(1, Frame.version(layout1));
        Assertions.assertEquals(FuzzInputs.canonical(b), FuzzInputs.canonical(BatchCodec.decode(layout1, FuzzInputs.KEY)));
    }
}
