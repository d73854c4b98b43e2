package dev.tandem.app.transfer;

/**
 * Where a long import or export has got to, for a progress bar or a line on the terminal. Called
 * on the thread doing the work, often: a listener that draws must throttle and hop threads itself.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (phase, done, total) -> { };

    /**
     * @param phase what is happening, for people ("Reading", "Writing")
     * @param done  units finished so far
     * @param total all units, or -1 when not known yet
     */
    void update(String phase, long done, long total);
}
