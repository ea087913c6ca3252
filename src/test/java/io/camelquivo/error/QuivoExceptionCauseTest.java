package io.camelquivo.error;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A Quivo exception never has a cause: Camel matches onException clauses against the causes too, and a plain
 * IOException or a lookup's server error as the cause could take another clause of the status policy than the
 * exception's own type. What lies under it is kept as a suppressed exception.
 */
class QuivoExceptionCauseTest {

    @Test
    void anIoErrorUnderAConnectionFailureIsSuppressedNotItsCause() {
        IOException io = new IOException("Connection reset");
        QuivoConnectionException failure = new QuivoConnectionException(
                ErrorDetails.withoutAnswer("orders.create", "POST", "/orders", "IOException: Connection reset"), true, io);

        assertNull(failure.getCause());
        assertArrayEquals(new Throwable[] {io}, failure.getSuppressed());
    }

    @Test
    void aFailedLookupUnderAnUnresolvedCreateIsSuppressedNotItsCause() {
        QuivoException lookup = StatusFamily.toException(new ErrorDetails(500, "orders.create", "GET", "/orders",
                "Internal server error", ErrorSource.BACKEND, null, java.util.Map.of()));

        QuivoUnresolvedCreateException unresolved = QuivoUnresolvedCreateException.lookupFailed("order", "A-1", lookup);

        assertNull(unresolved.getCause());
        assertArrayEquals(new Throwable[] {lookup}, unresolved.getSuppressed());
    }
}
