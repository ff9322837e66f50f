package io.incidentbridge.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.management.ObjectName;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The Jolokia access policy ({@code jolokia-access.xml}), handed to Jolokia's servlet as a Spring bean (Jolokia's Spring
 * Boot support uses a {@link Restrictor} bean in place of its own policy loading). Everything is the policy file's,
 * except the origin check: the bridge's own origin (as the browser sees it, behind an ingress too) is always allowed,
 * which a static file cannot say; a request without Origin or Referer comes from a program, not a browser page.
 */
@Component
public class JolokiaAccessPolicy implements Restrictor {
    private final PolicyRestrictor policy;

    public JolokiaAccessPolicy(ResourceLoader resources,
            @Value("${management.endpoint.jolokia.config.policyLocation:classpath:/jolokia-access.xml}") String location) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            this.policy = new PolicyRestrictor(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Jolokia access policy " + location, e);
        }
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsOn) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        return isOwnOrigin(origin) || policy.isOriginAllowed(origin, onlyWhenStrictCheckingIsOn);
    }

    private static boolean isOwnOrigin(String origin) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        HttpServletRequest request = attributes.getRequest();
        String own = SameOrigin.of(request);
        // Jolokia passes the Referer when there is no Origin: a full URL on the same origin starts with it.
        return origin.equalsIgnoreCase(own) || origin.toLowerCase().startsWith(own.toLowerCase() + "/");
    }

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return policy.isHttpMethodAllowed(method);
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return policy.isTypeAllowed(type);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return policy.isAttributeReadAllowed(name, attribute);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return policy.isAttributeWriteAllowed(name, attribute);
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return policy.isOperationAllowed(name, operation);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return policy.isRemoteAccessAllowed(hostOrAddress);
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return policy.isObjectNameHidden(name);
    }

    @Override
    public boolean ignoreScheme() {
        return policy.ignoreScheme();
    }
}
