package io.camelquivo.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Two order files for a newcomer's first minute with the embedded defaults: one the simulator accepts and
 * one it rejects (no positions), so an accepted order and a dead letter show up within seconds. Names and
 * order identifiers carry the start time, so a restart never collides with files already in {@code .done}.
 */
final class ExampleOrders {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private ExampleOrders() {
    }

    /** Writes both files into the inbox and returns them: accepted first, rejected second. */
    static List<Path> drop(Path inbox, Clock clock) throws IOException {
        String stamp = STAMP.format(clock.instant());
        String identifier = "EXAMPLE-" + stamp;
        Path accepted = write(inbox, "example-" + stamp + "-accepted.json", """
            {"sellerId":1001,"orderIdentifier":"%s","orderReference":"#%s","warehouseId":4,
             "deliveryAddress":{"name":"Erika Mustermann","street":"Hauptstr. 1","zip":"10115",
                                "city":"Berlin","countryIso2":"DE","email":"erika@example.com"},
             "positions":[{"sku":"SKU-1","name":"Blue Mug","quantity":2,"price":9.5}]}
            """.formatted(identifier, identifier));
        Path rejected = write(inbox, "example-" + stamp + "-rejected.json", """
            {"sellerId":1001,"orderIdentifier":"%s-NO-POSITIONS","warehouseId":4,
             "deliveryAddress":{"name":"Erika Mustermann","street":"Hauptstr. 1","zip":"10115",
                                "city":"Berlin","countryIso2":"DE"},
             "positions":[]}
            """.formatted(identifier));
        return List.of(accepted, rejected);
    }

    /**
     * Written under a hidden name (the file consumer skips dot files) and then renamed, so the route never
     * reads a half-written file.
     */
    private static Path write(Path inbox, String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Path partial = inbox.resolve("." + name + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        return Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
