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
     * Boolean: an earlier create may have stored the order (a 504, a 503 from the gateway, or a connection lost
     * after sending) and no lookup has settled it since. The next attempt looks the order up first, and the
     * message must not be dead-lettered while this holds.
     */
    public static final String CREATE_UNRESOLVED = "CamelQuivoCreateUnresolved";

    private QuivoExchangeProperties() {
    }
}
