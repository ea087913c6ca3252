package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The fixed sellers and warehouses of the simulated account. Warehouse ids 4, 7 and 8 are the ones
 * a real account was seen to use; the sellers are made up.
 */
final class MasterData {

    private static final List<ObjectNode> WAREHOUSES = List.of(
            warehouse(4, "Quivo Fulfillment DE", "Industriestrasse 12", "90411", "Nuernberg", "DE", null),
            warehouse(7, "Quivo Fulfillment UK", "12 Dock Road", "B9 4AA", "Birmingham", "GB", null),
            warehouse(8, "Quivo Fulfillment US", "450 Commerce Way", "07094", "Secaucus", "US", "NJ"));

    private static final List<ObjectNode> SELLERS = List.of(
            seller(1001, "Demo Seller GmbH", "DEMO", 4),
            seller(1002, "Second Seller Ltd", "SECOND", 7));

    private static final Listing<ObjectNode> LISTING = new Listing<>(
            Map.<String, Function<ObjectNode, Object>>of(
                    "id", node -> node.get("id").asLong(),
                    "name", node -> node.get("name").asText()),
            Map.<String, BiPredicate<ObjectNode, String>>of(
                    "id", (node, value) -> node.get("id").asText().equals(value),
                    "name", (node, value) -> node.get("name").asText().equalsIgnoreCase(value)),
            node -> node.get("id").asLong(),
            "id:asc");

    private MasterData() {
    }

    static Optional<JsonNode> seller(long id) {
        return SELLERS.stream().filter(s -> s.get("id").asLong() == id).map(s -> (JsonNode) s).findFirst();
    }

    static Reply warehouses(Map<String, String> params) {
        return LISTING.answer(WAREHOUSES, params, ObjectNode::deepCopy);
    }

    static Reply sellers(Map<String, String> params) {
        return LISTING.answer(SELLERS, params, ObjectNode::deepCopy);
    }

    private static ObjectNode warehouse(long id, String name, String street, String zip, String city,
                                        String country, String state) {
        ObjectNode w = Json.object();
        w.put("id", id);
        w.put("name", name);
        ObjectNode address = w.putObject("warehouseAddress");
        address.put("name", name);
        address.put("company", "Quivo GmbH");
        address.put("street", street);
        address.putNull("street2");
        address.put("zip", zip);
        address.put("city", city);
        address.put("state", state);
        address.put("countryIso2", country);
        address.putNull("phone");
        address.put("email", "warehouse-" + country.toLowerCase(Locale.ROOT) + "@example.invalid");
        w.putNull("deactivatedAt");
        w.putNull("sellerIdForCartons");
        w.put("managingGroup", "QUIVO");
        w.putNull("legalEntityId");
        return w;
    }

    private static ObjectNode seller(long id, String name, String identifier, long warehouseId) {
        ObjectNode s = Json.object();
        s.put("id", id);
        s.put("name", name);
        s.put("companyName", name);
        s.put("identifier", identifier);
        s.put("status", "ACTIVE");
        s.put("warehouseId", warehouseId);
        s.put("sendToEmail", identifier.toLowerCase(Locale.ROOT) + "@example.invalid");
        s.put("usesWarehouseSku", false);
        s.putArray("sellerServices");
        return s;
    }
}
