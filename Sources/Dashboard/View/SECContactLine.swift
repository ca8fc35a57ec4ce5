import TermCanvas

/// The SEC contact prompt on the bottom line: the question, what is typed, and how to answer.
struct SECContactLine: Widget {
    let state: AppState
    let prompt: SECContactPrompt

    func render(in area: Rect, buffer: inout Buffer) {
        guard area.height > 0 else { return }
        let theme = state.theme
        for x in area.x..<area.maxX { buffer.set(x, area.y, " ", style: theme.cursorStyle.adding(.reverse)) }
        let answer = " " + prompt.text + "_"
        // The longest wording that fits with the whole answer; the typed text is never cut.
        let wordings: [(String, String)] = prompt.problem.map { problem in
            [(SECContactPrompt.question, " — \(problem)"), ("SEC contact e-mail:", " — \(problem)"),
             ("SEC contact e-mail:", " — an e-mail address, please"), ("SEC contact e-mail:", "")]
        } ?? [
            (SECContactPrompt.question, " (Enter saves it to config.toml, Esc skips)"),
            ("The SEC asks for a contact e-mail for its data:", " (Enter saves, Esc skips)"),
            ("SEC contact e-mail:", " (Enter saves, Esc skips)"),
            ("SEC contact e-mail:", ""),
        ]
        let (question, hint) = wordings.first { $0.0.count + answer.count + $0.1.count <= area.width } ?? wordings.last!
        let text = question + answer + hint
        buffer.write(String(text.suffix(area.width)), x: area.x, y: area.y, style: theme.cursorStyle.adding(.reverse), clip: area)
    }
}
