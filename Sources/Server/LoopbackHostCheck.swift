import Hummingbird

/// When the server listens on this computer only, it answers only requests addressed to this computer
/// (`Host: 127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`): a web page from elsewhere that points a name of
/// its own at 127.0.0.1 (DNS rebinding) cannot read the scenarios through the analyst's browser.
struct LoopbackHostCheck<Context: RequestContext>: RouterMiddleware {
    static func isLoopback(_ host: String) -> Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authority = request.head.authority ?? ""
        // The name without the port: "[::1]:8080" -> "::1", "localhost:8080" -> "localhost".
        let name = authority.hasPrefix("[") ? String(authority.dropFirst().prefix { $0 != "]" }) : String(authority.prefix { $0 != ":" })
        guard Self.isLoopback(name.lowercased()) else {
            return ErrorBody.response(.forbidden, message: "this server answers only requests to 127.0.0.1 or localhost (it was started without --host)")
        }
        return try await next(request, context)
    }
}
