import TermCanvas

/// The SEC contact prompt on the bottom line: the question, what is typed, and how to answer.
struct SECContactLine: Widget {
    let state: AppState
    let prompt: SECContactPrompt

    func render(in area: Rect, buffer: inout Buffer) {
        guard area.height > 0 else { return }
        let theme = state.theme
        for x in area.x..<area.maxX { buffer.set(x, area.y, " ", style: theme.cursorStyle.adding(.reverse)) }
        let hint = prompt.problem.map { " — \($0)" } ?? " (Enter saves it to config.toml, Esc skips)"
        // The typed text stays whole at the end of a narrow line: the question gives way first.
        let answer = " " + prompt.text + "_"
        let room = area.width - answer.count - hint.count
        let question = room >= SECContactPrompt.question.count ? SECContactPrompt.question
            : room >= 16 ? PanelDates.fitted(SECContactPrompt.question, width: room) : "SEC contact e-mail:"
        var text = question + answer
        if text.count + hint.count <= area.width { text += hint }
        buffer.write(String(text.suffix(area.width)), x: area.x, y: area.y, style: theme.cursorStyle.adding(.reverse), clip: area)
    }
}
