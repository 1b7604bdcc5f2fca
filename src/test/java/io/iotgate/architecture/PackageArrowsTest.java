package io.iotgate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The arrows of docs/architecture.md as a failing build: each package may use only the iotgate packages
 * listed for it ({@code model} and {@code config} are open to all), and nothing uses the two edges.
 */
class PackageArrowsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.iotgate");

    private static final List<String> ALL = List.of("api", "control", "store", "tenancy", "identity", "routing",
            "session", "mqtt", "observe", "boot", "cli");

    /** Package to the iotgate packages (besides itself, model and config) it may import. */
    private static final Map<String, List<String>> MAY_IMPORT = Map.ofEntries(
            Map.entry("api", List.of("control")),
            // control -> observe: the FULL device view merges the monitoring data observe holds in memory, and
            // HTTP publish counts its messages there; control -> tenancy: HTTP publish judges and delivers there
            Map.entry("control", List.of("store", "tenancy", "identity", "observe")),
            Map.entry("mqtt", List.of("tenancy", "identity", "session", "routing", "store", "observe")),
            Map.entry("tenancy", List.of("routing", "session", "store")),
            Map.entry("session", List.of("routing", "store")),
            Map.entry("identity", List.of("store")),
            Map.entry("routing", List.of()),
            Map.entry("store", List.of()),
            Map.entry("observe", List.of("store")),
            // cli is a client of a running service over HTTP: it shares no code path with the server
            Map.entry("cli", List.of()),
            Map.entry("boot", ALL));

    static Stream<String> packages() {
        return MAY_IMPORT.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("packages")
    void aPackageImportsOnlyWhatItsArrowsAllow(String name) {
        String[] forbidden = ALL.stream()
                .filter(other -> !other.equals(name) && !MAY_IMPORT.get(name).contains(other))
                .map(other -> "io.iotgate." + other + "..")
                .toArray(String[]::new);
        if (forbidden.length == 0) {
            return;
        }
        noClasses().that().resideInAPackage("io.iotgate." + name + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("docs/architecture.md: " + name + " may import only " + MAY_IMPORT.get(name)
                        + ", model and config")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void modelAndConfigImportNoOtherIotgatePackage() {
        String[] others = ALL.stream().map(p -> "io.iotgate." + p + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("io.iotgate.model..", "io.iotgate.config..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .check(MAIN);
    }

    @Test
    void routingIsPureJava() {
        noClasses().that().resideInAPackage("io.iotgate.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.quarkus..", "io.netty..",
                        "jakarta..", "io.smallrye..")
                .check(MAIN);
    }

    /** The registry topic policy runs per PUBLISH and is tested as plain Java, like routing. */
    @Test
    void registryTopicRulesArePureJava() {
        noClasses().that().resideInAPackage("io.iotgate.tenancy.registry..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.quarkus..", "io.netty..",
                        "jakarta..", "io.smallrye..", "io.iotgate.session..", "io.iotgate.store..")
                .check(MAIN);
    }

    @Test
    void onlyTheStoreTalksSql() {
        noClasses().that().resideOutsideOfPackages("io.iotgate.store..", "io.iotgate.boot..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("runs a SQL query",
                        call -> call.getTarget().getOwner().isAssignableTo(io.vertx.mutiny.sqlclient.SqlClient.class)
                                && Arrays.asList("query", "preparedQuery").contains(call.getTarget().getName())))
                .check(MAIN);
    }
}
