"""Build the SDK packages from the specs: run the pinned generator with our templates, write each
package's metadata, and smoke-call every operation against the replay server."""
