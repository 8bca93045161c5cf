import Foundation
import Hummingbird
import Logging
import Reports
import Scenarios
import Simulator

/// `carbonsim serve`: the what-if page and the HTTP API it uses (documented in the README).
///
///     GET  /                         the page
///     GET  /assets/NAME              its CSS and JavaScript
///     GET  /api/config               language, whether a sweep and the workbook are available
///     GET  /api/levers?lang=         the controls: "1" targets, "N" sector plans, "X" measures
///     GET  /api/scenarios            the served scenario files
///     GET  /api/scenario?name=       one file's settings, as a scenario document (JSON)
///     POST /api/evaluate?lang=&charts=trajectory,stack,wedges   a scenario document -> table, targets, headline, charts
///     POST /api/scenario.yaml        a scenario document -> the scenario file `carbonsim run` reproduces
///     POST /api/workbook.xlsx?lang=    a scenario document -> the workbook of the baseline and it (xlsx)
///     POST /api/compare?lang=&series=   {"scenarios": [documents]} -> one trajectory chart (SVG)
///     GET  /api/sweep                (--db) the sweep summary (JSON, as `carbonsim summarize --format json`)
///     GET  /api/sweep/fan.svg?series=&lang=        GET /api/sweep/tornado.svg?output=&lang=
///
/// Requests read; none writes a file or runs a sweep. Bodies above `maximumBody` bytes get 413.
public struct WhatIfServer: Sendable {
    public let service: WhatIfService
    let assets: PageAssets
    let configuration: ServeConfiguration

    /// A scenario document is a few kilobytes; the comparison tray sends at most five.
    public static let maximumBody = 64 * 1024

    public init(configuration: ServeConfiguration) throws {
        self.configuration = configuration
        service = try WhatIfService(configuration: configuration)
        assets = try PageAssets()
    }

    /// Serves until SIGINT or SIGTERM. `onListening` gets the port (useful with port 0: a free one).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "carbonsim"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? configuration.port) },
            logger: {
                var logger = Logger(label: "carbonsim-serve")
                logger.logLevel = .warning
                return logger
            }()
        )
        try await app.runService()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        if LoopbackHostCheck<BasicRequestContext>.isLoopback(configuration.host) { router.add(middleware: LoopbackHostCheck()) }
        let service = self.service, assets = self.assets
        router.get("/") { _, _ in asset("index.html", assets) }
        router.get("/assets/{name}") { _, context in asset(context.parameters.get("name") ?? "", assets) }
        router.get("/api/config") { _, _ in
            json(Config(language: service.language.rawValue, sweep: service.sweep != nil, workbook: WorkbookDownload.isAvailable,
                        region: service.dataset.region, maximumCompared: WhatIfService.maximumCompared - 1))
        }
        router.get("/api/levers") { request, _ in
            answering(errorLanguage(request, service)) { json(service.catalog(try language(request, service))) }
        }
        router.get("/api/scenarios") { request, _ in
            answering(errorLanguage(request, service)) {
                // Under zh the shipped scenarios' Chinese names and each file's description_zh, as reports show them.
                let l = try language(request, service)
                return json(service.scenarios.names.map { name -> ScenarioEntry in
                    let s = try? service.served(name)
                    let zh = l == .zh && !(s?.descriptionZH.isEmpty ?? true)
                    return ScenarioEntry(name: name, title: s.map { Labels.scenario($0.name, l) } ?? name,
                                         description: zh ? s?.descriptionZH ?? "" : s?.description ?? "")
                })
            }
        }
        router.get("/api/scenario") { request, _ in
            answering(errorLanguage(request, service)) {
                let name = request.uri.queryParameters.get("name") ?? ""
                return json(try service.settings(name, language: errorLanguage(request, service)))
            }
        }
        router.post("/api/evaluate") { request, _ in
            await answering(errorLanguage(request, service)) {
                let body = try await bodyText(request)
                let charts = (request.uri.queryParameters.get("charts") ?? "").split(separator: ",").map(String.init)
                let lang = try language(request, service)
                let evaluation = try await ModelQueues.run(on: charts.contains("wedges") ? ModelQueues.wedges : ModelQueues.moves) {
                    try service.evaluate(body, charts: charts, language: lang)
                }
                return text(evaluation.jsonText(), type: "application/json; charset=utf-8")
            }
        }
        router.post("/api/scenario.yaml") { request, _ in
            await answering(errorLanguage(request, service)) {
                let yaml = try service.yaml(try await bodyText(request))
                var r = text(yaml, type: "application/yaml; charset=utf-8")
                r.headers[.contentDisposition] = "attachment; filename=\"scenario.yaml\""
                return r
            }
        }
        router.post("/api/workbook.xlsx") { request, _ in
            await answering(errorLanguage(request, service)) {
                let body = try await bodyText(request), lang = try language(request, service)
                let bytes = try await ModelQueues.run(on: ModelQueues.moves) { try service.workbook(body, language: lang) }
                var headers = HTTPFields()
                headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                headers[.contentDisposition] = "attachment; filename=\"whatif.xlsx\""
                headers[.cacheControl] = "no-store"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
        router.post("/api/compare") { request, _ in
            await answering(errorLanguage(request, service)) {
                let body = try await bodyText(request)
                let compare = try ComparisonRequest.documents(body)
                let series = request.uri.queryParameters.get("series") ?? "co2_gross"
                let lang = try language(request, service)
                return text(try await ModelQueues.run(on: ModelQueues.moves) { try service.compare(compare, series: series, language: lang) }, type: "image/svg+xml")
            }
        }
        // The addresses that take a document answer a GET with 405 and the method they take, not an empty 404.
        for path in ["/api/evaluate", "/api/scenario.yaml", "/api/workbook.xlsx", "/api/compare"] {
            router.get(RouterPath(path)) { _, _ in
                var r = ErrorBody.response(.methodNotAllowed, message: "\(path) takes POST requests with a scenario document in the body (see README, The what-if page)")
                r.headers[.allow] = "POST"
                return r
            }
        }
        router.get("/api/sweep") { _, _ in
            answering(service.language) { text(try service.sweepSummary(), type: "application/json; charset=utf-8") }
        }
        router.get("/api/sweep/fan.svg") { request, _ in
            answering(errorLanguage(request, service)) {
                text(try service.fan(series: request.uri.queryParameters.get("series"), language: try language(request, service)), type: "image/svg+xml")
            }
        }
        router.get("/api/sweep/tornado.svg") { request, _ in
            answering(errorLanguage(request, service)) {
                text(try service.tornado(output: request.uri.queryParameters.get("output"), language: try language(request, service)),
                     type: "image/svg+xml")
            }
        }
        return router
    }

    struct Config: Codable {
        let language: String
        let sweep: Bool
        let workbook: Bool
        let region: String
        let maximumCompared: Int
    }

    struct ScenarioEntry: Codable {
        let name: String
        let title: String
        let description: String
    }
}

// MARK: - Request and response helpers

/// The request body as text, refused above `WhatIfServer.maximumBody` bytes.
func bodyText(_ request: Request) async throws -> String {
    let buffer = try await request.body.collect(upTo: WhatIfServer.maximumBody)
    return String(buffer: buffer)
}

func language(_ request: Request, _ service: WhatIfService) throws -> Language {
    guard let s = request.uri.queryParameters.get("lang") else { return service.language }
    guard let l = Language(rawValue: s) else {
        throw InputError(file: "lang", message: "unknown language '\(s)'", accepted: Language.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return l
}

func asset(_ name: String, _ assets: PageAssets) -> Response {
    guard let a = assets.files[name] else { return ErrorBody.response(.notFound, message: "no such page file: \(name)") }
    var headers = HTTPFields()
    headers[.contentType] = a.contentType
    headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: a.bytes)))
}

func text(_ s: String, type: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = type
    headers[.cacheControl] = "no-store"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: s)))
}

func json<T: Encodable>(_ value: T) -> Response {
    do {
        return text(String(decoding: try ErrorBody.encoder.encode(value), as: UTF8.self), type: "application/json; charset=utf-8")
    } catch {
        return ErrorBody.response(.internalServerError, message: "cannot encode the answer: \(error)")
    }
}

/// Runs a handler; bad input becomes 422 with the loader's located messages (in `language`), an oversized body 413.
func answering(_ language: Language, _ body: () throws -> Response) -> Response {
    do { return try body() } catch { return ErrorBody.response(for: error, language: language) }
}

func answering(_ language: Language, _ body: () async throws -> Response) async -> Response {
    do { return try await body() } catch { return ErrorBody.response(for: error, language: language) }
}

/// The language errors are told in: the request's, else the server's (also when the request's is the error).
func errorLanguage(_ request: Request, _ service: WhatIfService) -> Language {
    (try? language(request, service)) ?? service.language
}
