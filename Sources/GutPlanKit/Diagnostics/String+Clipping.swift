extension StringProtocol {
    /// The text, or when it has more than `limit` Unicode scalars its start and (with `keepEnd`)
    /// its end around `…`, so that one enormous name or value never makes an enormous message.
    public func clipped(to limit: Int, keepEnd: Bool = false) -> String {
        let scalars = unicodeScalars
        guard scalars.count > limit else { return String(self) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(keepEnd ? limit / 2 : limit))
        view.append("…")
        if keepEnd { view.append(contentsOf: scalars.suffix(limit / 4)) }
        return String(view)
    }
}
