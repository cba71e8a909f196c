package dev.shelf.works;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an address says of the work behind it: its form (a paper, a notebook, a repository...) and a key that is the
 * same for every address of one copy of it. Addresses that differ only by a known mirror pattern share a key: a paper's
 * arXiv abstract, PDF and its pages on ar5iv, alphaXiv and Hugging Face Papers ({@code arxiv:ID}); a notebook on GitHub,
 * on Colab, nbviewer or as a raw file, on any branch ({@code github:owner/repo/path}); a Medium post on medium.com and
 * on a publication's own domain ({@code medium:ID}); a YouTube video by its id; any other page by its host without
 * {@code www.} and its path without a trailing {@code .html}, its query kept. A deck (a path of slides, a lecture,
 * a talk, a poster) is a form of its own, never the work it presents. A pure function of the URL.
 *
 * @param form what kind of thing the address holds
 * @param key the copy's identity: equal keys are the same work
 */
public record WorkAddress(Form form, String key) {

    /** Kinds of addressed things: two copies of one work are always of one form. */
    public enum Form {
        /** A paper: arXiv, a PDF, a proceedings or Semantic Scholar page. */
        PAPER(true),
        /** A notebook: Colab, Kaggle, a {@code .ipynb} file. */
        NOTEBOOK(true),
        /** A web page: an article, a post, documentation, a file in a repository. */
        PAGE(true),
        /** A code repository (its root): named by owner and name, so two of one title are two projects. */
        REPOSITORY(false),
        /** A dataset on the Hugging Face Hub, by owner and name. */
        DATASET(false),
        /** A model on the Hugging Face Hub, by owner and name. */
        MODEL(false),
        /** A Space on the Hugging Face Hub, by owner and name. */
        SPACE(false),
        /** A video, by its id on its site. */
        VIDEO(false),
        /** Slides, a lecture's or a talk's deck: about a work, never the work itself, whatever its title. */
        SLIDES(false);

        private final boolean sameByTitle;

        Form(boolean sameByTitle) {
            this.sameByTitle = sameByTitle;
        }

        /**
         * Whether one title is evidence of one work in this form. A repository, a dataset, a model, a Space or a video
         * is named by its address (a fork, a filtered copy of a dataset and a re-upload share their title with the
         * original but are things of their own), so only its address says it is the same.
         */
        public boolean sameByTitle() {
            return sameByTitle;
        }
    }

    private static final Pattern URL = Pattern.compile("(?i)^https?://([^/?#]+)([^?#]*)(?:\\?([^#]*))?");
    private static final Pattern ARXIV_ID = Pattern.compile("(?:abs|pdf|html|papers)/(\\d{4}\\.\\d{4,5}|[a-z-]+/\\d{7})"
            + "(?:v\\d+)?(?:\\.pdf)?$");
    private static final Set<String> ARXIV_HOSTS = Set.of("arxiv.org", "export.arxiv.org", "ar5iv.org",
            "ar5iv.labs.arxiv.org", "alphaxiv.org");
    private static final Set<String> MEDIUM_HOSTS = Set.of("medium.com", "towardsdatascience.com", "pub.towardsai.net",
            "levelup.gitconnected.com", "betterprogramming.pub", "ai.plainenglish.io", "generativeai.pub");
    /** A Medium post's id: the 10-12 hex digits that end its slug. */
    private static final Pattern MEDIUM_ID = Pattern.compile("-([0-9a-f]{10,12})$");
    private static final Set<String> PAPER_HOSTS = Set.of("openreview.net", "aclanthology.org", "dl.acm.org",
            "proceedings.neurips.cc", "papers.nips.cc", "proceedings.mlr.press", "semanticscholar.org",
            "paperswithcode.com");
    private static final Pattern OPENREVIEW_ID = Pattern.compile("(?:^|&)id=([\\w-]+)");
    private static final Pattern YOUTUBE_ID = Pattern.compile("(?:^|&)v=([\\w-]+)");
    /** A path that holds a deck: a folder or file named for slides, a lecture, a talk or a poster. */
    private static final Pattern SLIDES_PATH = Pattern.compile("(?i)(^|[/_.-])(slides?|lectures?|talks?|posters?|deck)"
            + "([/_.-]|$)");
    /** First path segments of huggingface.co that are not an owner of a model. */
    private static final Set<String> HUB_PAGES = Set.of("blog", "docs", "learn", "papers", "spaces", "datasets",
            "models", "collections", "tasks", "posts", "course", "chat", "inference-api", "join", "pricing");

    /** The form and key of an absolute http(s) URL; empty for anything else. */
    public static Optional<WorkAddress> of(String url) {
        Matcher m = url == null ? null : URL.matcher(url.strip());
        if (m == null || !m.find()) {
            return Optional.empty();
        }
        // The default ports name the same page; another port is another server (a Gradio demo, a Streamlit app).
        String host = m.group(1).toLowerCase(Locale.ROOT).replaceFirst(":(80|443)$", "").replaceFirst("^(www|m)\\.", "");
        String path = m.group(2).replaceAll("/+$", "");
        String query = m.group(3) == null ? "" : m.group(3);
        List<String> segments = List.of(path.replaceFirst("^/", "").split("/"));
        return Optional.of(paper(host, path, query)
                .or(() -> notebook(host, segments))
                .or(() -> hub(host, segments))
                .or(() -> github(host, segments))
                .or(() -> video(host, path, query))
                .or(() -> medium(host, segments))
                .orElseGet(() -> page(host, path, query)));
    }

    private static Optional<WorkAddress> paper(String host, String path, String query) {
        Matcher id = ARXIV_ID.matcher(path);
        if ((ARXIV_HOSTS.contains(host) || host.equals("huggingface.co") && path.startsWith("/papers/")) && id.find()) {
            return Optional.of(new WorkAddress(Form.PAPER, "arxiv:" + id.group(1)));
        }
        Matcher openReview = OPENREVIEW_ID.matcher(query);
        if (host.equals("openreview.net") && openReview.find()) {
            // A paper's forum page and its PDF there are one copy, named by the id of the submission.
            return Optional.of(new WorkAddress(Form.PAPER, "openreview:" + openReview.group(1)));
        }
        if (PAPER_HOSTS.contains(host) || path.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            Form form = SLIDES_PATH.matcher(path).find() ? Form.SLIDES : Form.PAPER;
            return Optional.of(new WorkAddress(form, host + path + (query.isEmpty() ? "" : "?" + query)));
        }
        return Optional.empty();
    }

    /** A notebook in a GitHub repository at any of its viewers, or one on Colab's drive or Kaggle. */
    private static Optional<WorkAddress> notebook(String host, List<String> s) {
        List<String> file = switch (host) {
            // github.com/OWNER/REPO/blob/BRANCH/PATH
            case "github.com" -> s.size() > 4 && s.get(2).equals("blob") ? s : null;
            // colab.research.google.com/github/OWNER/REPO/blob/BRANCH/PATH, nbviewer.org/github/... alike
            case "colab.research.google.com", "nbviewer.org", "nbviewer.jupyter.org" ->
                    s.size() > 5 && s.get(0).equals("github") && s.get(3).equals("blob") ? s.subList(1, s.size()) : null;
            // raw.githubusercontent.com/OWNER/REPO/BRANCH/PATH
            case "raw.githubusercontent.com" -> s.size() > 3
                    ? concat(s.subList(0, 2), List.of("blob"), s.subList(2, s.size())) : null;
            default -> null;
        };
        if (file != null && file.get(file.size() - 1).toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
            return Optional.of(new WorkAddress(Form.NOTEBOOK, "github:" + file.get(0).toLowerCase(Locale.ROOT) + "/"
                    + file.get(1).toLowerCase(Locale.ROOT) + "/" + String.join("/", file.subList(4, file.size()))));
        }
        if (host.equals("colab.research.google.com") || host.equals("kaggle.com") && s.get(0).equals("code")) {
            return Optional.of(new WorkAddress(Form.NOTEBOOK, host + "/" + String.join("/", s)));
        }
        return Optional.empty();
    }

    private static Optional<WorkAddress> hub(String host, List<String> s) {
        if (!host.equals("huggingface.co") || s.size() < 2) {
            return Optional.empty();
        }
        Form form = switch (s.get(0)) {
            case "datasets" -> Form.DATASET;
            case "spaces" -> Form.SPACE;
            default -> HUB_PAGES.contains(s.get(0)) ? null : Form.MODEL;
        };
        if (form == null || form != Form.MODEL && s.size() < 3) {
            return Optional.empty();
        }
        int owner = form == Form.MODEL ? 0 : 1;
        return Optional.of(new WorkAddress(form, "hf:" + form.name().toLowerCase(Locale.ROOT) + "/"
                + s.get(owner).toLowerCase(Locale.ROOT) + "/" + s.get(owner + 1).toLowerCase(Locale.ROOT)));
    }

    /** A repository's root (or its default README) is the repository; a file or folder in it is a page of it. */
    private static Optional<WorkAddress> github(String host, List<String> s) {
        if (!host.equals("github.com") || s.size() < 2) {
            return Optional.empty();
        }
        String repository = "github:" + s.get(0).toLowerCase(Locale.ROOT) + "/" + s.get(1).toLowerCase(Locale.ROOT);
        // The root, a branch's tree, or the README at a branch's root (github.com/o/r/blob/main/README.md).
        boolean root = s.size() == 2 || s.size() <= 4 && s.get(2).equals("tree")
                || s.size() == 5 && s.get(2).equals("blob") && s.get(4).equalsIgnoreCase("README.md");
        if (root) {
            return Optional.of(new WorkAddress(Form.REPOSITORY, repository));
        }
        if (s.size() > 4 && (s.get(2).equals("tree") || s.get(2).equals("blob"))) {
            return Optional.of(new WorkAddress(Form.PAGE, repository + "/" + String.join("/", s.subList(4, s.size()))));
        }
        return Optional.of(new WorkAddress(Form.PAGE, repository + "/" + String.join("/", s.subList(2, s.size()))));
    }

    private static Optional<WorkAddress> video(String host, String path, String query) {
        Matcher v = YOUTUBE_ID.matcher(query);
        if (host.equals("youtube.com") && path.equals("/watch") && v.find()) {
            return Optional.of(new WorkAddress(Form.VIDEO, "youtube:" + v.group(1)));
        }
        if (host.equals("youtu.be") && path.length() > 1) {
            return Optional.of(new WorkAddress(Form.VIDEO, "youtube:" + path.substring(1)));
        }
        if (host.equals("youtube.com") || host.equals("vimeo.com")) {
            return Optional.of(new WorkAddress(Form.VIDEO, host + path + (query.isEmpty() ? "" : "?" + query)));
        }
        return Optional.empty();
    }

    private static Optional<WorkAddress> medium(String host, List<String> s) {
        Matcher id = MEDIUM_ID.matcher(s.get(s.size() - 1));
        if ((MEDIUM_HOSTS.contains(host) || host.endsWith(".medium.com")) && id.find()) {
            return Optional.of(new WorkAddress(Form.PAGE, "medium:" + id.group(1)));
        }
        return Optional.empty();
    }

    private static WorkAddress page(String host, String path, String query) {
        String page = path.replaceFirst("(?i)(/index)?\\.html?$", "");
        Form form = SLIDES_PATH.matcher(path).find() ? Form.SLIDES : Form.PAGE;
        return new WorkAddress(form, host + page + (query.isEmpty() ? "" : "?" + query));
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return Stream.of(a, b, c).flatMap(List::stream).toList();
    }

    /**
     * The address's identity in a scheme that names one work for certain: an arXiv, OpenReview, Medium or YouTube id,
     * a GitHub repository (for anything in it), a Colab notebook's drive id. Two copies with different identities in
     * one scheme are two works, whatever their titles say; empty for an address with none (a page of a site).
     */
    public Optional<Identity> identity() {
        int colon = key.indexOf(':');
        String scheme = colon < 0 ? "" : key.substring(0, colon);
        return switch (scheme) {
            case "arxiv", "openreview", "medium", "youtube" -> Optional.of(new Identity(scheme, key.substring(colon + 1)));
            case "github" -> {
                String[] parts = key.substring(colon + 1).split("/", 3);
                yield Optional.of(new Identity(scheme, parts[0] + "/" + (parts.length > 1 ? parts[1] : "")));
            }
            default -> key.startsWith("colab.research.google.com/drive/")
                    ? Optional.of(new Identity("colab", key.substring("colab.research.google.com/drive/".length())))
                    : Optional.empty();
        };
    }

    /**
     * A work's name in one scheme.
     *
     * @param scheme arxiv, openreview, medium, youtube, github or colab
     * @param value the id (for github, owner/repository)
     */
    public record Identity(String scheme, String value) {
    }
}
