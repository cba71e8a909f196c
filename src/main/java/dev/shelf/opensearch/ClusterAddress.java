package dev.shelf.opensearch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the cluster is and who Shelf is there: what {@code --opensearch URL[,URL...]},
 * {@code --opensearch-index NAME} and the environment's {@code SHELF_OPENSEARCH_USER} /
 * {@code SHELF_OPENSEARCH_PASSWORD} say.
 *
 * @param nodes the HTTP addresses of one or more nodes (http or https), tried in turn when one fails
 * @param alias the name searches use: an alias that always names the complete build being served
 * @param user the user name, or null for a cluster without security
 * @param password the password, with {@code user}
 */
public record ClusterAddress(List<URI> nodes, String alias, String user, String password) {

    /** The default {@code --opensearch-index}. */
    public static final String DEFAULT_ALIAS = "shelf";
    /** The environment variable of the user name. */
    public static final String USER_VARIABLE = "SHELF_OPENSEARCH_USER";
    /** The environment variable of the password. */
    public static final String PASSWORD_VARIABLE = "SHELF_OPENSEARCH_PASSWORD";
    /** OpenSearch's rules for index names, narrowed to what needs no escaping in a URL path. */
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,100}");

    public ClusterAddress {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("--opensearch needs at least one URL, such as http://127.0.0.1:9200");
        }
        for (URI node : nodes) {
            if (node.getRawUserInfo() != null) {
                throw new IllegalArgumentException("--opensearch: put the user name and password in " + USER_VARIABLE
                        + " and " + PASSWORD_VARIABLE + ", not in the URL");
            }
            if (!("http".equals(node.getScheme()) || "https".equals(node.getScheme())) || node.getHost() == null) {
                throw new IllegalArgumentException("--opensearch: '" + node + "' is not an http(s) URL such as"
                        + " http://127.0.0.1:9200");
            }
        }
        if (!INDEX_NAME.matcher(alias).matches()) {
            throw new IllegalArgumentException("--opensearch-index: '" + alias + "' is not a valid index name (lower-case"
                    + " letters, digits, '-' and '_', starting with a letter or digit)");
        }
    }

    /**
     * Parses {@code --opensearch}'s comma-separated URLs, taking the credentials from the environment.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ClusterAddress parse(String urls, String alias, Map<String, String> environment) {
        List<URI> nodes = new ArrayList<>();
        for (String url : urls.split(",")) {
            if (!url.isBlank()) {
                try {
                    nodes.add(URI.create(url.strip().replaceAll("/+$", "")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--opensearch: '" + url.strip() + "' is not a URL", e);
                }
            }
        }
        String user = environment.get(USER_VARIABLE);
        String password = environment.get(PASSWORD_VARIABLE);
        if (user != null && user.isEmpty()) {
            user = null;
        }
        if (user != null && password == null) {
            throw new IllegalArgumentException(USER_VARIABLE + " is set but " + PASSWORD_VARIABLE + " is not");
        }
        return new ClusterAddress(nodes, alias, user, user == null ? null : password);
    }

    /** The addresses as the user wrote them, for messages. */
    public String where() {
        return String.join(",", nodes.stream().map(URI::toString).toList());
    }

    /** The name of the cluster index holding the build of the given folder name. */
    public String indexOf(String buildName) {
        return alias + "-" + buildName;
    }

    @Override
    public String toString() {
        // Never the password.
        return "ClusterAddress[" + where() + ", " + alias + (user == null ? "" : ", user " + user) + "]";
    }
}
