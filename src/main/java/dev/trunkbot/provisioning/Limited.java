package dev.trunkbot.provisioning;

import dev.trunkbot.portsip.PortSipTrunks;
import dev.trunkbot.workflow.ResourceLimiter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The ports as a step that holds one side's permit sees the other side: each call to the other side
 * takes a permit of its own limit for as long as it lasts. So the preflight and the verification,
 * which hold a Twilio permit, still count against PortSIP's limit while they read the PBX.
 */
final class Limited {
  private Limited() {}

  /** {@code ports} whose PortSIP calls each hold a permit of {@code portsip}. */
  static Ports portsip(Ports ports, ResourceLimiter portsip) {
    return new Ports(
        ports.twilio(), each(PortSipTrunks.class, ports.portsip(), portsip), ports.resolver());
  }

  /** {@code target} whose every method call holds one permit of {@code limiter}. */
  static <T> T each(Class<T> type, T target, ResourceLimiter limiter) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
              }
              return limiter.call(
                  () -> {
                    try {
                      return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e);
                    }
                  });
            });
    return type.cast(proxy);
  }
}
