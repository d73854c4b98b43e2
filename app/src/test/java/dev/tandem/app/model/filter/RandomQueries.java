package dev.tandem.app.model.filter;

import java.util.Random;
import java.util.function.Function;

/**
 * A random filter query as a person might type it, up to three levels deep, with Todoist's comma between groups at
 * the top: the shape both the filter's properties and the page's golden vectors draw, each with conditions of its own.
 */
public final class RandomQueries {
    private RandomQueries() {
    }

    /** A query whose conditions {@code condition} draws. */
    public static String query(Random r, Function<Random, String> condition) {
        return query(r, 0, condition);
    }

    private static String query(Random r, int depth, Function<Random, String> condition) {
        if (depth == 0 && r.nextInt(6) == 0) {
            return query(r, 1, condition) + ", " + query(r, 1, condition);
        }
        int k = r.nextInt(depth >= 2 ? 1 : 5);
        if (k == 1) {
            return query(r, depth + 1, condition) + (r.nextBoolean() ? " & " : " | ") + query(r, depth + 1, condition);
        }
        if (k == 2) {
            return "!" + (r.nextBoolean() ? condition.apply(r) : "(" + query(r, depth + 1, condition) + ")");
        }
        if (k == 3) {
            return "(" + query(r, depth + 1, condition) + ")";
        }
        return condition.apply(r);
    }
}
