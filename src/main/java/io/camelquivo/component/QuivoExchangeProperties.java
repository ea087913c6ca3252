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

    private QuivoExchangeProperties() {
    }
}
