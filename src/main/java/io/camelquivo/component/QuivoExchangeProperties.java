package io.camelquivo.component;

/**
 * Exchange properties the producers keep across redeliveries (Camel resends the original message but keeps
 * the exchange's properties), read by the error policy and the dead-letter record.
 */
public final class QuivoExchangeProperties {

    /** Integer: how many calls to Quivo this message has cost so far, logins not counted. */
    public static final String CALLS = "CamelQuivoCalls";
    /** String: the operation of the last call, e.g. {@code orders.create}. */
    public static final String OPERATION = "CamelQuivoOperation";
    /**
     * {@code Map<String, String>}: the path variables and query parameters of the last call, by option name
     * ({@code orderId}, {@code sellerId}; {@code httpMethod} and {@code path} for {@code request}), as they were
     * sent. A dead-letter record keeps them, so that the call can be made again from the record alone.
     */
    public static final String CALL_PARAMETERS = "CamelQuivoCallParameters";

    private QuivoExchangeProperties() {
    }
}
