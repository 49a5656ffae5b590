package dev.trunkbot.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Where serve's management port listens: {@code --management-address} / {@code
 * TRUNKBOT_MANAGEMENT_ADDRESS} (default 127.0.0.1, this machine only) and {@code --management-port}
 * / {@code TRUNKBOT_MANAGEMENT_PORT} (default 9090; 0 takes any free port).
 */
record ManagementAddress(InetAddress address, int port) {
  static final String ADDRESS = "TRUNKBOT_MANAGEMENT_ADDRESS";
  static final String PORT = "TRUNKBOT_MANAGEMENT_PORT";
  static final int DEFAULT_PORT = 9090;

  /**
   * The options when given, else the variables, else the defaults.
   *
   * @throws IllegalArgumentException naming the option or variable that is wrong
   */
  static ManagementAddress of(String addressOption, String portOption, Map<String, String> env) {
    String portName = portOption != null ? "--management-port" : PORT;
    String portText = portOption != null ? portOption : env.get(PORT);
    int port = DEFAULT_PORT;
    if (portText != null && !portText.isBlank()) {
      try {
        port = Integer.parseInt(portText.strip());
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(
            portName + " must be a port number 0-65535 (0: any free port), got '" + portText + "'");
      }
    }
    String addressName = addressOption != null ? "--management-address" : ADDRESS;
    String addressText = addressOption != null ? addressOption : env.get(ADDRESS);
    InetAddress address = InetAddress.getLoopbackAddress();
    if (addressText != null && !addressText.isBlank()) {
      try {
        address = InetAddress.getByName(addressText.strip());
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            addressName
                + " must be an address of this machine (127.0.0.1, 0.0.0.0 for all), got '"
                + addressText
                + "'");
      }
    }
    return new ManagementAddress(address, port);
  }

  InetSocketAddress socket() {
    return new InetSocketAddress(address, port);
  }

  String url(int boundPort) {
    String host = address.getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
  }

  /** One line: the port cannot be had, and what to do. */
  String cannotBind(IOException e) {
    return "the management port "
        + address.getHostAddress()
        + ":"
        + port
        + " cannot be opened ("
        + e.getMessage()
        + "): choose another with --management-port or "
        + PORT
        + ", or free it";
  }
}
