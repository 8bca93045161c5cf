import Foundation
import Hummingbird
import NIOCore
import Reports
import Scenarios
import Simulator

/// How the API says no: `{"error": "request:3:12: error at 'sector_plans.power.wind.target': ...", "errors": [...]}`,
/// the message exactly as `carbonsim validate` prints it, and each error's parts for the page to place.
struct ErrorBody: Codable {
    struct Item: Codable {
        let file: String
        let line: Int?
        let column: Int?
        let key: String
        let message: String
        let accepted: String?
        let suggestion: String?
    }

    let error: String
    let errors: [Item]
    /// Warnings found in the same reading (a fraction typed for a per cent), as `validate` tells them with the errors.
    var warnings: [String] = []

    static let encoder: JSONEncoder = {
        // Keys as the types name them (camelCase): converting every key on every answer costs more than the
        // model run's table is worth.
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return e
    }()

    static func response(for error: any Error, language: Language = .en) -> Response {
        switch error {
        case let e as InputError:
            let zh = language == .zh
            let items = ([e] + e.others).map {
                Item(file: $0.file, line: $0.line, column: $0.column, key: $0.keyPath,
                     message: zh ? InputMessagesZH.message($0.message) : $0.message,
                     accepted: zh ? $0.accepted.map(InputMessagesZH.message) : $0.accepted, suggestion: $0.suggestion)
            }
            return response(.unprocessableContent, body: ErrorBody(error: language.describe(e), errors: items,
                                                                   warnings: e.warnings.map { language.describe($0) }))
        case is NIOTooManyBytesError:
            return response(.contentTooLarge, message: language == .zh ? "请求内容超过 \(WhatIfServer.maximumBody) 字节"
                                                                     : "the request body is larger than \(WhatIfServer.maximumBody) bytes")
        default:
            // A scenario the model cannot run (a numerical failure, a non-finite output): the run's own words.
            return response(.unprocessableContent, message: String(describing: error))
        }
    }

    static func response(_ status: HTTPResponse.Status, message: String) -> Response {
        response(status, body: ErrorBody(error: message, errors: []))
    }

    static func response(_ status: HTTPResponse.Status, body: ErrorBody) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        let data = (try? encoder.encode(body)) ?? Data("{\"error\":\"internal\"}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
