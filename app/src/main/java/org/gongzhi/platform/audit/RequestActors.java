package org.gongzhi.platform.audit;

import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Until accounts exist: requests act as {@code anonymous} from their client address, everything else as system. */
@Configuration(proxyBeanMethods = false)
class RequestActors {

    @Bean
    @ConditionalOnMissingBean(ActorResolver.class)
    ActorResolver requestActorResolver() {
        return () -> {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
                return new Actor(
                        "anonymous", "ANONYMOUS", "-", request.getRequest().getRemoteAddr());
            }
            return Actor.system();
        };
    }
}
