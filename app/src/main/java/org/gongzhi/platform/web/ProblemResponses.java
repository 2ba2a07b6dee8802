package org.gongzhi.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completes the OpenAPI document: the one error format (RFC 9457 problem+json with {@code code} and {@code errors})
 * as a schema, the error responses each operation can give, and real media types where the generator wrote
 * {@code *}{@code /*}. Which errors an operation lists follows from what it is: every operation can be a 400 or a 500;
 * one with a path variable a 404; a write 401, 403, 409 and 422, and 415 when it takes a body; an upload 413; a revision
 * carrying If-Match 412 and 428.
 */
@Configuration(proxyBeanMethods = false)
class ProblemResponses {

    static final String PROBLEM = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Bean
    OpenApiCustomizer problemResponsesCustomizer() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.setComponents(components);
            components.addSchemas("Problem", problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        realMediaTypes(operation);
                        for (Map.Entry<String, String> e :
                                errorsOf(path, method, operation).entrySet()) {
                            ApiResponses responses = operation.getResponses();
                            if (responses.get(e.getKey()) == null) {
                                responses.addApiResponse(
                                        e.getKey(),
                                        new ApiResponse()
                                                .description(e.getValue())
                                                .content(new Content()
                                                        .addMediaType(
                                                                PROBLEM,
                                                                new MediaType()
                                                                        .schema(new Schema<>().$ref(PROBLEM_REF)))));
                            }
                        }
                    }));
        };
    }

    private static Map<String, String> errorsOf(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "The request is malformed or a field is invalid; `errors` names each field.");
        if (path.contains("{")) {
            errors.put("404", "No such resource.");
        }
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (write) {
            errors.put("401", "Not signed in.");
            errors.put("403", "Outside the account's roles or data scope, or the CSRF token is missing.");
            errors.put("409", "Conflicts with the current state (a duplicate, a concurrent change).");
            errors.put("422", "Well-formed but refused by the rules; `errors` names each field, feature or row.");
            if (operation.getRequestBody() != null) {
                errors.put("415", "The body's media type is not accepted.");
            }
            if (operation.getRequestBody() != null
                    && operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
                errors.put("413", "The upload is larger than allowed.");
            }
            boolean ifMatch = operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
            if (ifMatch) {
                errors.put("412", "If-Match names a version that is no longer current.");
                errors.put("428", "If-Match is required.");
            }
        }
        errors.put("500", "An unexpected failure; nothing about it is disclosed.");
        return errors;
    }

    /** The generator writes {@code *}{@code /*} for handlers without {@code produces}; ours all answer JSON there. */
    private static void realMediaTypes(Operation operation) {
        operation.getResponses().values().forEach(response -> {
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*")) {
                MediaType any = content.remove("*/*");
                content.addMediaType("application/json", any);
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("location", new StringSchema().description("The field, feature or row at fault"))
                .addProperty("code", new StringSchema().description("A stable code, e.g. text.unsafe-character"))
                .addProperty("message", new StringSchema().description("In the request's language"));
        return new ObjectSchema()
                .description("RFC 9457 problem details with a stable code")
                .addProperty("type", new StringSchema().example("urn:gongzhi:problem:request.invalid"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("request.invalid"))
                .addProperty("errors", new ArraySchema().items(error));
    }
}
