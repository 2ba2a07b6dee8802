package org.gongzhi.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and summary of the OpenAPI document at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI gongzhiApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("共治 Gongzhi API")
                        .version("v1")
                        .description("治理单元, 多元主体, 党建工作协调委员会 and 责任清单. Reading is public; changes need a"
                                + " signed-in staff session and its CSRF token. Errors are RFC 9457 problem+json with a"
                                + " stable code; Accept-Language: en for English messages."));
    }
}
