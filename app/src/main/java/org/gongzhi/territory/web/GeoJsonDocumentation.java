package org.gongzhi.territory.web;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The GeoJSON (RFC 7946) the territory API reads and writes, as schemas of the OpenAPI document — instead of the
 * internals of the JSON tree type the handlers take.
 */
@Configuration(proxyBeanMethods = false)
class GeoJsonDocumentation {

    static final String FEATURE = "#/components/schemas/GeoJsonFeature";
    static final String COLLECTION = "#/components/schemas/GeoJsonFeatureCollection";

    @Bean
    OpenApiCustomizer geoJsonSchemas() {
        return api -> {
            Schema<?> position = new ArraySchema()
                    .items(new NumberSchema())
                    .minItems(2)
                    .maxItems(2)
                    .description("[longitude, latitude] in WGS84 degrees");
            Schema<?> geometry = new ObjectSchema()
                    .description("Polygon or MultiPolygon for units and zones, LineString or MultiLineString for"
                            + " streets; null for a unit drawn without a boundary. Exterior rings counter-clockwise.")
                    .nullable(true)
                    .addProperty(
                            "type",
                            new StringSchema()
                                    ._enum(List.of("Polygon", "MultiPolygon", "LineString", "MultiLineString")))
                    .addProperty(
                            "coordinates",
                            new ArraySchema().items(new Schema<>().description("nested " + position.getDescription())));
            Schema<?> properties = new ObjectSchema()
                    .addProperty(
                            "kind",
                            new StringSchema()
                                    .description("DISTRICT, SUBDISTRICT, BLOCK, COMMUNITY, GRID, COMPOUND, BUILDING;"
                                            + " a street kind; or a zone kind"))
                    .addProperty(
                            "code", new StringSchema().description("GB/T 2260 and its extensions (TerritoryCodes)"))
                    .addProperty("name", new StringSchema().maxLength(100))
                    .addProperty("parentCode", new StringSchema().description("For units other than a district"))
                    .addProperty("subdistrictCode", new StringSchema().description("For streets and zones"))
                    .addProperty("households", new IntegerSchema().minimum(java.math.BigDecimal.ZERO))
                    .addProperty("population", new IntegerSchema().minimum(java.math.BigDecimal.ZERO))
                    .addProperty("validFrom", new DateSchema())
                    .addProperty("validTo", new DateSchema())
                    .addProperty("synthetic", new BooleanSchema())
                    .addProperty("version", new IntegerSchema().description("The version read, for a revision"));
            properties.setRequired(List.of("kind", "code", "name"));
            Schema<?> feature = new ObjectSchema()
                    .description("A GeoJSON Feature (RFC 7946 §3.2): one unit, street or zone")
                    .addProperty("type", new StringSchema()._enum(List.of("Feature")))
                    .addProperty("geometry", geometry)
                    .addProperty("properties", properties);
            feature.setRequired(List.of("type", "properties"));
            Schema<?> collection = new ObjectSchema()
                    .description("A GeoJSON FeatureCollection (RFC 7946 §3.3). A legacy crs member may name only"
                            + " CRS84, EPSG:4326 or EPSG:4490.")
                    .addProperty("type", new StringSchema()._enum(List.of("FeatureCollection")))
                    .addProperty("features", new ArraySchema().items(new Schema<>().$ref(FEATURE)));
            collection.setRequired(List.of("type", "features"));
            api.getComponents().addSchemas("GeoJsonFeature", feature);
            api.getComponents().addSchemas("GeoJsonFeatureCollection", collection);
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().keySet().removeIf(name -> name.startsWith("JsonNode"));
            }
        };
    }
}
