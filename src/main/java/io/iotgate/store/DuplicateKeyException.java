package io.iotgate.store;

/** A row collided with a unique key; {@code constraint} names which one, so the caller can say what is taken. */
public final class DuplicateKeyException extends RuntimeException {

    private final String constraint;

    public DuplicateKeyException(String constraint, Throwable cause) {
        super("duplicate key violates " + constraint, cause);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }

    static Throwable translate(Throwable failure) {
        if (failure instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
            return new DuplicateKeyException(pg.getConstraint(), failure);
        }
        return failure;
    }
}
