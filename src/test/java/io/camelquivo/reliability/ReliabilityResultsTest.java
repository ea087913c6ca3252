package io.camelquivo.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing rewrites only the figures between the markers of reliability.md, one column per run. */
class ReliabilityResultsTest {

    @TempDir
    Path dir;

    @Test
    void publishReplacesTheFiguresBetweenTheMarkersAndLeavesTheProse() throws IOException {
        Path page = Files.writeString(dir.resolve("reliability.md"), "# Reliability\n\nprose\n\n"
                + ReliabilityResults.TABLE_START + "\nold figures\n" + ReliabilityResults.TABLE_END + "\n\nmore prose\n");
        JsonNode results = new ObjectMapper().readTree("""
                {"machine":{"cores":2,"java":"Java 17"},
                 "runs":{"chaos-1000":{"run":"chaos-1000","date":"2026-12-01T08:00:00Z","orders":1000,"files":500,
                                       "records":500,"invalid":50,"accepted":950,"deadLettered":50,
                                       "deadLetterRecords":50,"faultsInjected":3,"faultsByKind":{"throttled":2,
                                       "resetAfterStore":1},"kills":0,"seconds":22.1},
                         "outage-broker":{"run":"outage-broker","outageSeconds":30,"files":40,"records":38,
                                          "readinessDownScrapes":9,"scrapesDuringOutage":10},
                         "other":{"run":"other","seconds":3}}}
                """);

        ReliabilityResults.publish(page, results);

        String text = Files.readString(page);
        assertTrue(text.startsWith("# Reliability\n\nprose\n\n" + ReliabilityResults.TABLE_START + "\nOn 2 cores"), text);
        assertTrue(text.endsWith(ReliabilityResults.TABLE_END + "\n\nmore prose\n"), text);
        assertTrue(text.contains("| figure | `chaos-1000` |"), text);
        assertTrue(text.contains("| orders (files / records) | 1000 (500 / 500) |"), text);
        assertTrue(text.contains("| &nbsp;&nbsp;429 | 2 |"), text);
        assertTrue(text.contains("| &nbsp;&nbsp;connection reset after storing | 1 |"), text);
        assertTrue(text.contains("| &nbsp;&nbsp;500 | 0 |"), text);
        assertTrue(text.contains("| outage | `outage-broker` |"), text);
        assertTrue(text.contains("| seconds of outage | 30 |"), text);
        assertTrue(text.contains("| orders fed (files / records) | 78 (40 / 38) |"), text);
        assertTrue(text.contains("| scrapes while it lasted: readiness DOWN / of all | 9 / 10 |"), text);
        assertTrue(text.contains("- `other`: seconds 3"), text);
        assertEquals(-1, text.indexOf("old figures"));
    }

    @Test
    void aPageWithoutMarkersIsAnError() throws IOException {
        Path page = Files.writeString(dir.resolve("reliability.md"), "# Reliability\n");
        assertThrows(IOException.class, () -> ReliabilityResults.publish(page, new ObjectMapper().createObjectNode()));
    }
}
