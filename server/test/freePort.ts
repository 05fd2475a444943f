import net from "node:net";

/**
 * A TCP port that is free now, chosen by the system. A port picked at random may be in the system's
 * ephemeral range (32768–60999 here), where the outgoing connections of the tests running beside
 * (to PostgreSQL, to the servers they start) take theirs: a server started on it then fails to bind.
 */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
