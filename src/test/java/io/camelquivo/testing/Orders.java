package io.camelquivo.testing;

/** Order bodies as a shop would send them. */
public final class Orders {

    private Orders() {
    }

    public static String valid(String orderIdentifier) {
        return """
            {"sellerId":1001,"orderIdentifier":"%s","orderReference":"#%s","warehouseId":4,
             "deliveryAddress":{"name":"Erika Mustermann","street":"Hauptstr. 1","zip":"10115",
                                "city":"Berlin","countryIso2":"DE","email":"erika@example.com"},
             "positions":[{"sku":"SKU-1","name":"Blue Mug","quantity":2,"price":9.5}]}
            """.formatted(orderIdentifier, orderIdentifier);
    }

    /** Quivo answers it with 400 {@code positions: must not be null}. */
    public static String withoutPositions(String orderIdentifier) {
        return """
            {"sellerId":1001,"orderIdentifier":"%s",
             "deliveryAddress":{"name":"Erika Mustermann","street":"Hauptstr. 1","zip":"10115",
                                "city":"Berlin","countryIso2":"DE"}}
            """.formatted(orderIdentifier);
    }
}
