import TermCanvas

/// Keys while the SEC contact prompt is open: typing, Backspace, Enter to save, Esc to skip (remembered).
enum SECContactUpdate {
    /// Applies a key to the open prompt and returns the commands; every key goes to the prompt but Ctrl-C.
    static func key(_ state: inout AppState, _ key: Key) -> [Cmd] {
        guard var prompt = state.secContactPrompt else { return [] }
        switch key {
        case .character(let c):
            if prompt.text.count < SECContactPrompt.maximumLength { prompt.text.append(c) }
            prompt.problem = nil
        case .backspace, .delete:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .escape:
            state.secContactPrompt = nil
            state.notice = "skipped: no flows or loss share from the SEC; add sec_contact to config.toml to change that"
            return [.saveSECContact("")]
        case .enter:
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            guard text.contains("@"), !text.contains("\""), !text.contains("\\") else {
                prompt.problem = "an e-mail address, such as Jane Doe jane@example.com"
                state.secContactPrompt = prompt
                return []
            }
            state.secContactPrompt = nil
            return [.saveSECContact(text)]
        case .control("c"):
            return [.quit]
        default:
            break
        }
        state.secContactPrompt = prompt
        return []
    }
}
