import GRDB

/// An N-PORT holding matched to an SEC filer, as kept in the store.
public struct IssuerMatch: Hashable, Sendable {
    /// `cusip:<CUSIP>` or `name:<normalised name>` (see `IssuerMatcher.key(for:)`).
    public var key: String
    public var cik: Int
    /// How it was matched: `ticker` or `name`.
    public var method: String
    /// The issuer's name as the filing gave it.
    public var name: String

    public init(key: String, cik: Int, method: String, name: String) {
        self.key = key
        self.cik = cik
        self.method = method
        self.name = name
    }
}

extension Store {
    /// Every kept match by key.
    public func issuerMatches() throws -> [String: IssuerMatch] {
        try reader.read { db in
            var result: [String: IssuerMatch] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT key, cik, method, name FROM issuer_cik")
            while let row = try rows.next() {
                let match = IssuerMatch(key: row[0], cik: row[1], method: row[2], name: row[3])
                result[match.key] = match
            }
            return result
        }
    }

    /// Keeps matches (a key already kept is replaced), in one transaction.
    public func saveIssuerMatches(_ matches: [IssuerMatch]) throws {
        guard !matches.isEmpty else { return }
        try writeTransaction { db in
            let statement = try db.makeStatement(sql: "INSERT OR REPLACE INTO issuer_cik (key, cik, method, name) VALUES (?, ?, ?, ?)")
            for match in matches { try statement.execute(arguments: [match.key, match.cik, match.method, match.name]) }
        }
    }
}
