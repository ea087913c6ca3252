package io.camelquivo.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code quivo-kafka:<topic>} from Java, with nothing configured but the properties every route has. */
class QuivoKafkaComponentTest extends RoutesTestSupport {

    @Test
    void aWriteArrivesByteForByteWithItsKeyAndHeaders() {
        String topic = TestKafka.uniqueTopic("durable");
        // not UTF-8 and not JSON: whatever the body holds is written as it is
        byte[] value = {0, (byte) 0xff, 'q', (byte) 0xc3, 0x28, '\n'};

        template.sendBodyAndHeaders("quivo-kafka:" + topic, value,
                Map.of(KafkaConstants.KEY, "ORDER-1", "quivo.status", "400"));

        List<ConsumerRecord<byte[], byte[]>> records = kafka().read(topic, 1, Duration.ofSeconds(20));
        assertEquals(1, records.size());
        assertArrayEquals(value, records.get(0).value());
        assertEquals("ORDER-1", key(records.get(0)));
        assertEquals("400", header(records.get(0), "quivo.status"));
    }
}
