package dev.trunkbot.portsip;

import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.Intents;
import java.util.List;
import java.util.Optional;

/**
 * The PortSIP half of the guide (steps 8-10) as the provisioning layer sees it. Every method is
 * idempotent and throws {@link PortSipException} (a {@link PortSipFailure} when the PBX itself
 * refused) once one request exhausted its tries. A create whose answer is lost is followed by
 * finding again, never by a blind second create; before it, the {@link Intents} hear the kind and
 * key of what is about to be made.
 *
 * <p>Undo contract: {@link #destroyTrunk} and {@link #removeAssignee} are called by the
 * provisioning layer only for what one of its runs created (an {@link Ensured} whose change was
 * {@code CREATED}, or what it intended and found); a trunk or assignment that was FOUND or UPDATED
 * belonged to someone before the run and is left in place. Both tolerate that the thing is already
 * gone, so an undo can be repeated.
 */
public interface PortSipTrunks {
  /** Intent kind of a trunk (provider), keyed by its name. */
  String TRUNK = "portsip.trunk";

  /** Intent kind of a tenant's assignment to a trunk, keyed by the tenant's name. */
  String ASSIGNEE = "portsip.assignee";

  /** Signs in (or reuses a valid login) without changing anything: the credentials work. */
  void checkLogin();

  /** True when logged in as the system administrator (who alone may assign tenants). */
  boolean systemAdministrator();

  /** The names of the tenants this login can see. */
  List<String> tenantNames();

  /** The id of the trunk of that name, if there is one. */
  Optional<String> findTrunk(String name);

  /**
   * Finds the trunk by name, creates it when missing, corrects it when a field differs (hostname,
   * transport, port, auth id, username, registration off, outbound server and port, concurrency,
   * enabled, and the DID pool when {@code spec.didNumbers()} is given). Returns the provider id.
   *
   * @throws PortSipException with reason TRUNK_CONFLICT when a trunk of that name has another brand
   *     or auth mode (the PBX cannot change those: rename or delete that trunk)
   */
  Ensured<String> ensureRegisterTrunk(RegisterTrunk spec, Intents intents);

  default Ensured<String> ensureRegisterTrunk(RegisterTrunk spec) {
    return ensureRegisterTrunk(spec, Intents.NONE);
  }

  /**
   * System-admin level: assigns a tenant (by name) to the trunk with its DID pool and concurrency,
   * or corrects an existing assignment whose pool or concurrency differ.
   *
   * @throws PortSipException with reason TENANT_NOT_FOUND naming the tenant and those that exist
   * @throws PortSipFailure VALIDATE_FAILED with the PBX's message when the pool overlaps another
   *     tenant's
   */
  Ensured<Assignee> ensureAssignee(
      String providerId, String tenantName, String didNumbers, int concurrency, Intents intents);

  default Ensured<Assignee> ensureAssignee(
      String providerId, String tenantName, String didNumbers, int concurrency) {
    return ensureAssignee(providerId, tenantName, didNumbers, concurrency, Intents.NONE);
  }

  /** The trunk's status: ONLINE or OFFLINE. */
  TrunkStatus status(String providerId);

  /**
   * The trunk of that name with its assignees (tenant names resolved), or empty when there is none.
   */
  Optional<TrunkSnapshot> readTrunk(String name);

  /**
   * Deletes the trunk. Returns false when it was already gone. Undo only: see the class comment.
   */
  boolean destroyTrunk(String providerId);

  /**
   * Removes the tenant's assignment. Returns false when there was none. Undo only: see the class
   * comment.
   */
  boolean removeAssignee(String providerId, String tenantName);
}
