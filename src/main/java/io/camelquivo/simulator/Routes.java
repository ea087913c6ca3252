package io.camelquivo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The simulator's route table: every endpoint of Quivo's API reference, one row each. Orders keep their own
 * service (create once, duplicates, validation); the other resources share the generic store operations below.
 * A create refuses a body without a field the reference marks required, with a plain-text 400
 * {@code <field>: must not be null}, as Quivo's backend does; other bodies may be any JSON object.
 */
final class Routes {

    static final String LOGIN = "POST /login";

    static final List<Route> ALL = List.of(
            route("POST /login", call -> {
                throw new IllegalStateException("login is served before the token check");
            }),

            // orders
            route("POST /orders", call -> call.orders().create(call.body())),
            route("GET /orders", call -> call.orders().list(call.query())),
            route("PATCH /orders/{orderId}", call -> call.orders().patch(call.variable("orderId"), call.body())),
            route("PUT /orders/{orderId}/address", call -> {
                JsonNode address = call.body();
                return call.orders().replaceAddress(call.variable("orderId"), call.query(), address);
            }),
            route("POST /orders/{orderId}/refetch", call -> call.orders().refetch(call.variable("orderId"))),
            route("POST /orders/{orderId}/attachments", call -> {
                call.orders().refetch(call.variable("orderId"));
                return Reply.json(200, created(call, "orderAttachments", "printerType", "attachmentPlacement",
                        "copyCount"));
            }),
            route("GET /shops/{shopId}/orders", call -> Answers.shopOrders(call.store("shopOrders").all(),
                    call.variable("shopId"), call.query().get("pageToken"))),

            // articles
            list("GET /articles", "articles"),
            get("GET /articles/{sellerId}/{articleId}", "articles"),
            route("GET /articles/{sellerId}/identifier/{articleIdentifier}", call -> Reply.json(200,
                    call.store("articles").findBy("articleIdentifier", call.variable("articleIdentifier")))),
            create("POST /articles/{sellerId}", "articles", Routes::entity),
            replace("PUT /articles/{sellerId}/{articleId}", "articles"),
            accept("POST /articles/{sellerId}/validate"),
            route("POST /articles/{sellerId}/{articleId}/images/upload", call -> {
                call.store("articles").answer(call.variable("articleId"));
                required(call.query().get("mimeType"), "mimeType");
                String id = UUID.randomUUID().toString();
                return Reply.json(200, Json.object().put("id", id)
                        .put("uploadUrl", "https://uploads.example.invalid/" + id));
            }),
            create("POST /articles/{sellerId}/{articleId}/images", "articleImages", Routes::entity, "id"),

            // items and stock
            // a stored item is listed under its warehouseId and sellerId, or under every pair when it lacks them
            route("GET /items/{warehouseId}/{sellerId}", call -> call.store("items").list(call.query(), item ->
                    scopedTo(item, "warehouseId", call.variable("warehouseId"))
                            && scopedTo(item, "sellerId", call.variable("sellerId")))),
            list("GET /items/itemHistories/{warehouseId}/{sellerId}", "itemHistories"),
            get("GET /items/{itemId}", "items"),
            route("GET /items/{itemId}/movements", call -> Answers.movements(
                    call.store("items").get(EntityStore.id(call.variable("itemId"))).orElseThrow(
                            () -> new ApiException(Reply.backend(404, "Item " + call.variable("itemId") + " not found"))),
                    call.query().get("page"), call.query().get("pageSize"))),

            // inbounds
            create("POST /inbounds", "inbounds", status("inboundId", "id"), "sellerId", "warehouseId", "shipFrom",
                    "estimatedArrivalTime"),
            list("GET /inbounds", "inbounds"),
            get("GET /inbounds/{inboundId}", "inbounds"),
            replace("PUT /inbounds/{inboundId}", "inbounds"),

            // shipments
            create("POST /shipments/book", "shipments", Answers::booking, "sellerId"),
            route("POST /shipments/estimate", call -> Answers.estimate(valid(call.body(), "estimateRequests"))),
            accept("POST /shipments/bookBatchAsync", "bookRequests"),
            accept("POST /shipments/bookShopAsync", "shippingServiceGroupId", "mailTo", "shopId", "orderIdentifiers",
                    "parcelWeight"),
            list("GET /shipments", "shipments"),
            get("GET /shipments/{bookedShipmentId}", "shipments"),
            list("GET /shippingServiceGroups/{sellerId}", "shippingServiceGroups"),

            // returns
            list("GET /returns", "returns"),
            get("GET /returns/{returnShipmentId}", "returns"),
            merge("PUT /returns/{returnShipmentId}", "returns"),
            route("POST /returnLinks", call -> {
                ObjectNode link = valid(call.body(), "sellerId", "shippingServiceGroupId");
                String hash = UUID.randomUUID().toString().replace("-", "");
                link.put("hash", hash).put("returnLink", "https://returns.example.invalid/" + hash);
                return Reply.json(200, call.store("returnLinks").create(link));
            }),
            get("GET /returnLinks/{returnLinkId}", "returnLinks"),
            route("GET /returnApp/{returnLinkHash}", call -> Answers.returnApp(
                    call.store("returnLinks").findBy("hash", call.variable("returnLinkHash")))),
            create("POST /returnApp/book", "shipments", Answers::booking, "requestUUID", "hash", "reference",
                    "shipFrom", "grossWeightKG"),

            // sellers, warehouses, shops and other master data
            route("GET /sellers", call -> MasterData.sellers(call.query())),
            route("GET /sellers/{sellerId}", call -> Reply.json(200, seller(call))),
            route("GET /warehouses", call -> MasterData.warehouses(call.query())),
            list("GET /shops", "shops"),
            create("POST /shops/authorize", "shops", status("shopId", "id"), "shopType"),
            route("GET /subscriptionPackages/{sellerId}", call -> Answers.subscriptionPackage(seller(call),
                    call.store("articles").count(), call.store("shops").count())),
            create("POST /contacts/{sellerId}", "contacts", Routes::entity),
            create("POST /addresses/{sellerId}", "storedAddresses", Routes::entity),
            list("GET /storedAddresses", "storedAddresses"),
            create("POST /customerInquiries", "customerInquiries", Routes::entity, "subject", "sellerId",
                    "warehouseId", "messages"),
            get("GET /customerInquiries/{customerInquiryId}", "customerInquiries"),
            merge("POST /customerInquiries/{customerInquiryId}/ratings", "customerInquiries"),
            create("POST /transports", "transports", status("transportId", "id"), "shipTo", "sellerId", "shipFrom",
                    "positions"),
            list("GET /transports", "transports"),
            get("GET /transports/{transportId}", "transports"),
            create("POST /fulfillmentPlans/{sellerId}", "fulfillmentPlans", Routes::entity),
            replace("PUT /fulfillmentPlans/{sellerId}/{planWhenId}", "fulfillmentPlans"),
            route("POST /fulfillmentPlans/{sellerId}/preview", call -> {
                call.body();
                return Answers.preview(seller(call));
            }),
            accept("POST /fulfillmentPlans/{sellerId}/skuFork"),

            // webhook subscriptions
            create("POST /subscriptions", "subscriptions", Routes::entity, "sellerId", "entity", "endpoint"),
            list("GET /subscriptions", "subscriptions"),
            get("GET /subscriptions/{subscriptionId}", "subscriptions"),
            route("DELETE /subscriptions/{subscriptionId}", call -> {
                call.store("subscriptions").delete(call.variable("subscriptionId"));
                return Reply.noContent();
            }));

    private Routes() {
    }

    private static Route route(String name, Route.Handler handler) {
        int space = name.indexOf(' ');
        return new Route(name.substring(0, space), name.substring(space + 1), handler);
    }

    /** The last path variable is the id, the ones before it only scope it. */
    private static Route get(String name, String resource) {
        return route(name, call -> call.store(resource).answer(lastVariable(call, name)));
    }

    private static Route list(String name, String resource) {
        return route(name, call -> call.store(resource).list(call.query()));
    }

    /** Stores the body with a new id, and the path's variables (such as sellerId) as fields it did not set. */
    private static Route create(String name, String resource, Function<ObjectNode, Reply> answer,
            String... required) {
        return route(name, call -> answer.apply(created(call, resource, required)));
    }

    private static Route replace(String name, String resource) {
        return route(name, call -> Reply.json(200, call.store(resource).replace(lastVariable(call, name), call.body())));
    }

    private static Route merge(String name, String resource) {
        return route(name, call -> Reply.json(200, call.store(resource).merge(lastVariable(call, name), call.body())));
    }

    /** Checks the body and answers without one, as Quivo does for asynchronous work. */
    private static Route accept(String name, String... required) {
        return route(name, call -> {
            valid(call.body(), required);
            return Reply.noContent();
        });
    }

    private static ObjectNode created(Call call, String resource, String... required) {
        ObjectNode body = valid(call.body(), required);
        call.variables().forEach((variable, value) -> {
            if (!body.hasNonNull(variable)) {
                body.put(variable, value);
            }
        });
        return call.store(resource).create(body);
    }

    private static Reply entity(ObjectNode stored) {
        return Reply.json(200, stored);
    }

    /** {@code {status: OK, <idName>: id}}, the shape Quivo documents for inbound, transport and shop creates. */
    private static Function<ObjectNode, Reply> status(String idName, String idField) {
        return stored -> Reply.json(200, Json.object().put("status", "OK").put(idName, stored.get(idField).asLong()));
    }

    private static ObjectNode valid(ObjectNode body, String... required) {
        for (String field : required) {
            required(body.hasNonNull(field) ? "" : null, field);
        }
        return body;
    }

    private static void required(String value, String name) {
        if (value == null) {
            throw ApiException.badRequest(name + ": must not be null");
        }
    }

    private static JsonNode seller(Call call) {
        long id = EntityStore.id(call.variable("sellerId"));
        return MasterData.seller(id).orElseThrow(() -> new ApiException(Reply.backend(404, "Seller " + id + " not found")));
    }

    private static boolean scopedTo(JsonNode entity, String field, String value) {
        JsonNode own = entity.get(field);
        return own == null || own.isNull() || own.asText().equals(value);
    }

    private static String lastVariable(Call call, String name) {
        String variable = name.substring(name.lastIndexOf('{') + 1, name.lastIndexOf('}'));
        return call.variable(variable);
    }
}
