package io.camelquivo.bench;

/** One way of sending {@code POST /orders} to Quivo, as the client comparison runs it on many threads at once. */
interface Contender extends AutoCloseable {

    String name();

    /** Creates the order; returns only once Quivo answered 2xx and the answer was read as text. */
    void create(byte[] order) throws Exception;

    @Override
    void close() throws Exception;
}
