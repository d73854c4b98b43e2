package dev.tandem.engine;

/**
 * A record type does not fit the schema: an unknown table, a record without a {@code String id}
 * component, or a value that cannot be converted. The message names the table, record or field.
 */
public class MappingException extends TandemException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
