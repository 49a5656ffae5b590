package dev.trunkbot.provisioning;

import dev.trunkbot.trunk.PbxAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Turns the PBX's address into the public IPv4 address Twilio's IP access control list holds. */
@FunctionalInterface
public interface PbxResolver {
  String ipv4(PbxAddress pbx) throws UnresolvableException;

  /**
   * An IP address as it is; a name through DNS, refusing names that resolve only to non-public
   * addresses.
   */
  static PbxResolver dns() {
    return pbx -> {
      if (pbx.isIpAddress()) {
        return pbx.host();
      }
      try {
        InetAddress[] all = InetAddress.getAllByName(pbx.host());
        return Arrays.stream(all)
            .filter(a -> a instanceof Inet4Address)
            .map(InetAddress::getHostAddress)
            .filter(ip -> PbxAddress.whyNotPublic(ip).isEmpty())
            .findFirst()
            .orElseThrow(
                () ->
                    new UnresolvableException(
                        "pbx "
                            + pbx.host()
                            + " resolves to no public IPv4 address ("
                            + Arrays.toString(all)
                            + "): Twilio's ACL needs the PBX's public static IPv4 address"));
      } catch (UnknownHostException e) {
        throw new UnresolvableException(
            "pbx "
                + pbx.host()
                + " does not resolve: give the PBX's public static IP"
                + " in the spec, or fix its DNS");
      }
    };
  }

  /** The PBX's name cannot be turned into an address Twilio can use. */
  final class UnresolvableException extends Exception {
    public UnresolvableException(String message) {
      super(message);
    }
  }
}
