import Foundation

/// `.github/workflows/publish.yml`: publishes the site on every push to its default branch. It
/// installs blogctl's system packages and blogctl itself (unless the runner has them), restores
/// `.blogctl-cache` and `.blogctl` between runs, and runs `blogctl publish --yes` with every secret
/// `site.yml` names taken from the repository's secrets of the same name.
public enum GitHubWorkflow {
    /// Where the workflow goes, relative to the site folder.
    public static let path = ".github/workflows/publish.yml"

    /// The environment variables `publish:` and `dnslink:` name for secrets, sorted.
    public static func secretVariables(publish: PublishConfig, dnslink: DNSLinkConfig?) -> [String] {
        var names: Set<String> = []
        func add(_ source: SecretSource?) { if case .environment(let name)? = source { names.insert(name) } }
        for target in publish.targets {
            switch target.kind {
            case .kubo(_, let auth, _): add(auth)
            case .pinningService(_, let token, _): add(token)
            case .cluster(_, let auth, _, _): add(auth)
            case .car: break
            }
        }
        switch dnslink?.provider {
        case .rfc2136(_, _, _, _, _, let secret)?: add(secret)
        case .cloudflare(_, let token, _)?: add(token)
        default: break
        }
        return names.sorted()
    }

    /// Secrets named by a file path (`*_file`), which a workflow cannot fill: the author writes them in a step.
    public static func secretFiles(publish: PublishConfig, dnslink: DNSLinkConfig?) -> [String] {
        var files: [String] = []
        func add(_ source: SecretSource?) { if case .file(let path)? = source { files.append(path) } }
        for target in publish.targets {
            switch target.kind {
            case .kubo(_, let auth, _), .cluster(_, let auth, _, _): add(auth)
            case .pinningService(_, let token, _): add(token)
            case .car: break
            }
        }
        if case .rfc2136(_, _, _, _, _, let secret)? = dnslink?.provider { add(secret) }
        if case .cloudflare(_, let token, _)? = dnslink?.provider { add(token) }
        return files.sorted()
    }

    /// The workflow for a site whose folder is `siteFolder` in its repository (`.` at the top),
    /// published on pushes to `branch`.
    public static func text(siteFolder: String, branch: String, secrets: [String], blogctlRepository: String, blogctlVersion: String) -> String {
        let folder = siteFolder.isEmpty ? "." : siteFolder
        let environment = secrets.isEmpty ? "" : "        env:\n" + secrets.map { "          \($0): ${{ secrets.\($0) }}\n" }.joined()
        return """
            # Written by `blogctl ci github`. Publishes the site on every push to the default branch:
            # builds it, puts it on the targets of publish.targets, verifies it, points the DNSLink record.
            # Add the repository secrets named under `env:` below (Settings > Secrets and variables > Actions).
            name: Publish
            on:
              push:
                branches: [\(branch)]
              workflow_dispatch:
            concurrency:
              group: blogctl-publish
              cancel-in-progress: false
            jobs:
              publish:
                runs-on: ubuntu-24.04
                timeout-minutes: 60
                defaults:
                  run:
                    working-directory: \(folder)
                steps:
                  - uses: actions/checkout@v4
                  - name: Install blogctl's system packages
                    run: |
                      missing=""
                      for p in libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev libonig-dev libvips-dev golang-github-alecthomas-chroma-v2-dev libjs-katex pkg-config; do
                        dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
                      done
                      if [ -n "$missing" ]; then sudo apt-get update -qq && sudo apt-get install -y -qq $missing; fi
                  - uses: swift-actions/setup-swift@v2
                    with:
                      swift-version: "6.3"
                  - uses: actions/cache@v4
                    with:
                      path: ~/.cache/blogctl-\(blogctlVersion)
                      key: blogctl-\(blogctlVersion)-${{ runner.os }}
                  - name: Install blogctl
                    run: |
                      if ! command -v blogctl >/dev/null 2>&1; then
                        dir="$HOME/.cache/blogctl-\(blogctlVersion)"
                        if [ ! -x "$dir/.build/release/blogctl" ]; then
                          rm -rf "$dir" && git clone --depth 1 --branch \(blogctlVersion) \(blogctlRepository) "$dir"
                          swift build -c release --package-path "$dir" --product blogctl
                        fi
                        echo "$dir/.build/release" >> "$GITHUB_PATH"
                      fi
                  - uses: actions/cache@v4
                    with:
                      path: |
                        \(folder)/.blogctl-cache
                        \(folder)/.blogctl
                      key: blogctl-site-${{ github.sha }}
                      restore-keys: blogctl-site-
                  - name: Publish
                    run: blogctl publish --yes

            """ + environment
    }
}
