// Runs Neo4j Community in-process with only the Bolt connector on loopback.
// Started by launcher.ts as `java -cp <maven classpath> Neo4jLauncher.java`, so no
// build step is needed. Arguments: <dataDir> <boltPort> [pageCacheMb]
//
// Why stdin is watched: when the Node parent dies without a signal (SIGKILL, a crash)
// its pipe closes; we shut down cleanly instead of leaving an orphaned server that
// holds the store lock and the port.
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public class Neo4jLauncher {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Neo4jLauncher <dataDir> <boltPort> [pageCacheMb]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 512;

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        // Loopback only, so authentication is off (contract: "Running").
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
        .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(10))
        // The Bolt server otherwise waits 2 x 5 s for idle threads at shutdown; our
        // clients are gone by then, so a stop (and a test run) need not wait.
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
        // No usage reports: the server is local and the machine may be offline.
        .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
        .build();

    Thread stopper = new Thread(() -> {
      System.out.println("NEO4J_STOPPING");
      dbms.shutdown();
      System.out.println("NEO4J_STOPPED");
      System.out.flush();
    }, "ecomap-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);

    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();

    InputStream in = System.in;
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) {
      // The parent writes nothing; end of stream means it is gone.
    }
    System.exit(0); // runs the shutdown hook
  }
}
