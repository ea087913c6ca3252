package io.camelquivo.kafka;

import io.camelquivo.component.QuivoConstants;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Turns an exchange of {@code quivo:items.changes} into the record of the stock topic: value = the item's JSON
 * as listed, key = {@code ITEMS:<warehouseId>:<sellerId>:<sku>} (so one SKU's changes stay in one partition, in
 * order), and string headers: the events topic's {@code quivo.entity}, {@code quivo.id} (the itemId) and
 * {@code quivo.source=poll}, plus {@code quivo.warehouseId}, {@code quivo.sellerId}, {@code quivo.sku},
 * {@code quivo.stock.before} (absent for a SKU new to the snapshot) and {@code quivo.stock.after}. Every other
 * header is dropped first, so nothing of the HTTP calls reaches Kafka.
 */
public class StockChangeRecord implements Processor {

    public static final String WAREHOUSE_ID = "quivo.warehouseId";
    public static final String SELLER_ID = "quivo.sellerId";
    public static final String SKU = "quivo.sku";
    public static final String BEFORE = "quivo.stock.before";
    public static final String AFTER = "quivo.stock.after";

    // the same names as the events topic's (io.camelquivo.webhook.ChangeEventHeaders), which this package must
    // not depend on
    static final String ENTITY = "quivo.entity";
    static final String ID = "quivo.id";
    static final String SOURCE = "quivo.source";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String entity = message.getHeader(QuivoConstants.ENTITY, "ITEMS", String.class);
        Long itemId = message.getHeader(QuivoConstants.ENTITY_ID, Long.class);
        String warehouse = required(message, QuivoConstants.WAREHOUSE_ID);
        String seller = required(message, QuivoConstants.SELLER_ID);
        String sku = required(message, QuivoConstants.SKU);
        String before = message.getHeader(QuivoConstants.STOCK_BEFORE, String.class);
        String after = required(message, QuivoConstants.STOCK_AFTER);
        byte[] value = message.getBody(String.class).getBytes(StandardCharsets.UTF_8);

        message.removeHeaders("*");
        message.setHeader(KafkaConstants.KEY, entity + ":" + warehouse + ":" + seller + ":" + sku);
        message.setHeader(ENTITY, entity);
        if (itemId != null) {
            message.setHeader(ID, itemId.toString());
        }
        message.setHeader(WAREHOUSE_ID, warehouse);
        message.setHeader(SELLER_ID, seller);
        message.setHeader(SKU, sku);
        if (before != null) {
            message.setHeader(BEFORE, before);
        }
        message.setHeader(AFTER, after);
        message.setHeader(SOURCE, "poll");
        message.setBody(value);
    }

    private static String required(Message message, String header) {
        String value = message.getHeader(header, String.class);
        if (value == null) {
            throw new IllegalArgumentException("A stock change needs the header " + header
                    + ": only quivo:items.changes makes these exchanges");
        }
        return value;
    }
}
