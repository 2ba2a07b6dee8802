package org.gongzhi.platform.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files under their own addresses only: the stylesheet, the scripts, the icon and the web jars (whose
 * addresses carry no version; the resolver finds it). Spring's default maps every address to the static folders,
 * and then every link a page writes is first looked up as a file on the class path — on the organisation list, three
 * quarters of the server's time (measured, docs/performance.md). Scripts and styles may be cached for an hour.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final CacheControl HOUR =
            CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .setCacheControl(HOUR);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .setCacheControl(HOUR);
        registry.addResourceHandler("/favicon.svg")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(HOUR);
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(HOUR)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
