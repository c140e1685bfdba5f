using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// The one home of prompt-injection phrasing (INJ-001…013), for both directions: <see cref="InjectionArgumentInspector"/>
/// reports a family's rule when the agent's arguments hold it, and <see cref="InstructionAnalyzer"/> turns the same
/// families into signals in what a server sends (metadata, results, server requests). Patterns run on the canonical
/// (lower-cased, invisible-stripped, confusable-folded) copy unless a family says otherwise; every regex is gated by
/// literals and built on first use.
/// </summary>
public static class InjectionPhrases
{
    // The canonical copy is already lower-cased: case-insensitive matching would only make the automaton larger.
    // ExplicitCapture: the groups only group, and captures cost the automaton.
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // --- INJ-001: override of the model's instructions, English -------------------------------------------------------

    /// <summary>
    /// ignore/disregard/forget/override/bypass/discard/set aside (any tense) + determiners + previous/prior/system/your… +
    /// an instruction noun, or + the user's request, or + "everything you were told", or + "all of the above.".
    /// "Ignore the previous message/email" is everyday chat and passes.
    /// </summary>
    internal static readonly PrefilteredRegex OverrideRegex = new(
        @"\b(ignor(e|es|ed|ing)|disregard(s|ed|ing)?|forg(et|ets|etting|ot|otten)|overrid(e|es|ing|den)|bypass(es|ed|ing)?|discard(s|ed|ing)?|set(ting)?\s+aside)\s+((all|any|every|the|your|my|of|these|those|that|such|about)\s+)*((previous|previously\s+given|prior|above|preceding|earlier|initial|original|system|existing|safety|your|user[’']?s|developer[’']?s|operator[’']?s|assistant[’']?s)\s+)+(instructions?|prompts?|directives?|rules|guidelines|guardrails|context|constraints|programming|polic(y|ies)|guidance)\b|\b(ignor(e|es|ed|ing)|disregard(s|ed|ing)?|forg(et|ets|etting|ot|otten)|overrid(e|es|ing|den)|bypass(es|ed|ing)?|discard(s|ed|ing)?|set(ting)?\s+aside)\s+((all|any|every|the|your|my|of|these|those|that|such|about)\s+)*(user|human|operator|principal)[’']?s?\s+((original|actual|real|initial)\s+)?(requests?|task|question|messages?|commands?|wishes)\b|\b(ignor(e|es|ed|ing)|disregard(s|ed|ing)?|forg(et|ets|etting|ot|otten)|overrid(e|es|ing|den)|bypass(es|ed|ing)?|discard(s|ed|ing)?|set(ting)?\s+aside)\s+((all|about)\s+)?(everything|anything|all|what(ever)?)\s+(that\s+)?(you\s+(were|have\s+been|had\s+been|was|are|[’']ve\s+been)\s+(told|given|instructed|taught|asked)|(you\s+)?(said|written|stated|mentioned)\s+(above|before|earlier|previously|so\s+far)|(above|before|earlier|previously|so\s+far)\s*([.,;:!)\n-]|$|and\b|then\b|—))|\b(ignor(e|es|ed|ing)|disregard(s|ed|ing)?|forg(et|ets|etting|ot|otten)|overrid(e|es|ing|den)|bypass(es|ed|ing)?|discard(s|ed|ing)?|set(ting)?\s+aside)\s+((all|any|every|the|your|my|of|these|those|that|such|about)\s+)*(instructions?|rules|guidelines|prompts?|directives?)\s+(you\s+(were|have\s+been|had\s+been)\s+(given|told|sent)|(given|provided|sent)\s+(to\s+you|above|earlier|before|previously)|above|from\s+(the\s+)?(user|system|developer|operator))\b|\b(ignor(e|es|ed|ing)|disregard(s|ed|ing)?|forg(et|ets|etting|ot|otten)|overrid(e|es|ing|den)|bypass(es|ed|ing)?|discard(s|ed|ing)?|set(ting)?\s+aside)\s+(all\s+)?(of\s+)?(the\s+)?(above|foregoing|preceding)\s*([.,;:!)\n-]|$|and\b|then\b)",
        Options);

    /// <summary>
    /// Override phrasings without an override verb: "prior guidance is void". ("Ignore everything above." is
    /// <see cref="OverrideRegex"/>'s; "ignore everything before the first heading" is how docs talk.)
    /// </summary>
    internal static readonly PrefilteredRegex VoidedInstructionsRegex = new(
        @"\bprior\s+(?:guidance|instructions?)\s+(?:is|are)\s+(?:void|cancelled|revoked|obsolete)"
        // "Ignore the user." / "disregard what the user says": the user's request is what is overridden.
        + @"|\b(?:ignore|disregard)\s+(?:what\s+)?the\s+(?:user|human)(?:\s+(?:says|said|wants|asked|asks))?\s*(?:[.;:!]|,\s+(?:and\s+)?(?:instead|read|send|run|call))",
        Options);

    internal static readonly PrefilteredRegex OverrideVerbRegex = new(@"\b(?:ignore|disregard|forget|override|bypass)\s", Options);

    internal static readonly PrefilteredRegex OverrideObjectRegex = new(
        @"\b(?:previous|prior|above|earlier|preceding|former|original|all\s+(?:of\s+)?(?:your|the|prior|previous)|your|system|safety)\s+(?:\w+\s+)?(?:instructions?|directions?|prompts?|rules|guidelines|guardrails|constraints|messages|policies|restrictions|directives|programming)\b",
        Options);

    // --- INJ-002: jailbreak persona --------------------------------------------------------------------------------------

    /// <summary>DAN / "do anything now", "you are now (in) developer|god|jailbreak|maintenance|admin mode", an unrestricted/unfiltered persona.</summary>
    internal static readonly PrefilteredRegex JailbreakPersonaRegex = new(
        @"\byou\s+are\s+now\s+(dan\b|(in\s+)?(developer|god|jailbreak|unrestricted|dan|sudo|maintenance|admin|administrator|debug|root|privileged|unlocked|override|service)\s+mode|an?\s+(unrestricted|unfiltered|uncensored|evil|jailbroken)\b)|\bdo\s+anything\s+now\b|\b(jailbreak|dan|god)\s+mode\s+(enabled|activated|on)\b|\bact\s+as\s+(an?\s+)?(unrestricted|unfiltered|uncensored|jailbroken)\s+(ai|assistant|model)\b",
        Options);

    // --- INJ-003: chat-template markers ------------------------------------------------------------------------------------

    /// <summary>ChatML <c>&lt;|im_start|&gt;system</c>, <c>&lt;|im_end|&gt;</c>, Llama <c>[INST]</c> / <c>&lt;&lt;SYS&gt;&gt;</c>, <c>&lt;|start_header_id|&gt;</c>, <c>&lt;|endoftext|&gt;</c>.</summary>
    internal static readonly PrefilteredRegex ChatTemplateRegex = new(
        @"<\|im_start\|>\s*(system|assistant|user)?|<\|im_end\|>|<\|(system|endoftext|start_header_id|end_header_id|eot_id|begin_of_text)\|>|\[/?inst\]|<<\s*/?sys\s*>>",
        Options);

    // --- INJ-004: system-prompt override or role reassignment --------------------------------------------------------------

    /// <summary>
    /// "new system prompt:", "system prompt override", "from now on you are/will/must", "your new instructions are",
    /// "new rules:", "admin override", "updated instructions from the developer".
    /// </summary>
    internal static readonly PrefilteredRegex RoleReassignmentRegex = new(
        @"\b(new|updated|revised)\s+system\s+(prompt|instructions?)\s*:|\bsystem\s+prompt\s+override\b|\boverride\s+(the\s+|your\s+)?system\s+prompt\b|\bfrom\s+now\s+on,?\s+you\s+(are|will|must|shall)\b|\byour\s+(new|real|true|actual)\s+(instructions|task|objective|goal)\s+(is|are)\b"
        + @"|\bnew\s+(?:system\s+)?(?:instructions?|policy|policies|rules|directives?)\s*:|\b(?:system|admin|developer)\s+override\b"
        // A role label handing down new orders: "SYSTEM: new instructions — …", "admin: updated policy".
        + @"|\b(?:system|admin|administrator|developer|operator)\s*:\s*(?:new|updated|revised|changed)\s+(?:instructions?|polic(?:y|ies)|rules|directives?|orders)\b"
        + @"|\b(?:updated|new|real|actual|true)\s+instructions?\s+(?:from|by)\s+(?:the\s+)?(?:system|developer|admin|administrator|user|anthropic|openai)"
        + @"|\byour\s+(?:instructions|task|orders|objective|goal|rules|directives)\s+(?:have|has)\s+(?:just\s+)?(?:been\s+)?(?:changed|updated|replaced|overridden)",
        Options);

    // --- INJ-005: instruction to exfiltrate secrets ------------------------------------------------------------------------

    /// <summary>send/post/upload/forward/leak/email + (the|all|your)* + API keys/secrets/credentials/passwords/tokens/SSH keys/.env + to|via.</summary>
    internal static readonly PrefilteredRegex SecretExfiltrationRegex = new(
        @"\b(send|post|upload|exfiltrate|forward|leak|transmit|email|paste|copy)\s+((all|the|your|any|every|of|my|user'?s?)\s+)*(api\s+keys?|secrets?|credentials?|passwords?|tokens?|private\s+keys?|ssh\s+keys?|env(ironment)?\s+variables|\.env(\s+file)?|cookies|session\s+tokens?)\s+(to|via|using|into)\b",
        Options);

    // --- INJ-006: concealment from the user -------------------------------------------------------------------------------

    /// <summary>
    /// "do not tell the user", "without telling the user", secretly/silently + send/upload/forward, silently append +
    /// contents/secrets/keys or a recipient, and verb-first "upload … without telling the user". "Without asking/warning the user" alone
    /// is not concealment: tool descriptions say "never delete files without asking the user"; acting without asking is
    /// <see cref="ConcealmentRegex"/>'s "proceed/act without asking".
    /// </summary>
    internal static readonly PrefilteredRegex ConcealFromUserRegex = new(
        @"\b(do\s+not|don[’']?t|never)\s+(tell|inform|notify|alert|warn|mention\s+(this|it|anything)\s+to|reveal\s+(this|it)\s+to|let)\s+the\s+(user|human|developer|operator)\b|\bwithout\s+(telling|informing|notifying|alerting)\s+(the\s+)?(user|human|developer|operator|anyone)\b|\bwithout\s+the\s+user[’']?s?\s+(knowing|knowledge|noticing|consent)\b|\b(secretly|silently|quietly|covertly|discreetly|invisibly)\s+(send|upload|forward|exfiltrate|copy|transmit|post|email|leak|share|pipe|beacon)|\b(secretly|silently|quietly|covertly|discreetly)\s+(append|add|attach|include|embed|write|insert|encode)[^.\n]{0,60}\b(contents?|secrets?|credentials?|keys?|tokens?|passwords?|\.env|env(ironment)?\s+var|cookies?|~/|\.ssh|\.aws|history|conversation|recipients?|b?cc|[\w.+-]+@[\w-]+\.[a-z]{2,})|\b(send|upload|forward|exfiltrate|transmit|post|email|leak|append)[^.\n]{0,80}\b(secretly|covertly|behind\s+the\s+user[’']?s\s+back|without\s+(telling|informing|notifying|asking)\s+(the\s+)?(user|anyone|them))\b",
        Options);

    /// <summary>"the user must not know", "keep this between us", "say nothing", "never mention this instruction", "proceed without asking".</summary>
    internal static readonly PrefilteredRegex ConcealmentRegex = new(
        @"\bwithout\s+(?:\w+\s+)?(?:telling|informing|notifying|alerting|showing|mentioning|alarming|the\s+user(?:'s)?\s+(?:knowledge|consent|noticing|knowing))"
        + @"|\b(?:proceed|continue|go\s+ahead|act)\s+without\s+(?:asking|confirming|confirmation|approval)"
        + @"|\bthe\s+(?:user|human)\s+(?:must|should|will|need|needs|does)\s+(?:not|never)\s+(?:\w+\s+)?(?:know|see|notice|be\s+(?:told|informed|aware)|find\s+out)"
        + @"|\bthe\s+(?:user|human|person(?:\s+at\s+the\s+keyboard)?)\s+(?:doesn't|does\s+not|don't|needn't|need\s+not|must\s+not|mustn't|shouldn't|should\s+not)\s+(?:need\s+to\s+)?(?:know|hear|see|notice|be\s+(?:told|informed|bothered))"
        + @"|\bkeep\s+(?:this|it)\s+between\s+(?:us|you\s+and\s+me)|\bsay\s+nothing\b|\bdon't\s+bother\s+the\s+user"
        // Hidden egress or hidden calls; "silently add/append/include/run" alone is how code comments and descriptions talk
        // ("silently append a trailing newline", "silently runs in the background"): those need a secret or a recipient (above).
        + @"|\b(?:silently|secretly|covertly|quietly|invisibly|discreetly)\s+(?:\w+\s+)?(?:send|forward|copy|upload|read|call|invoke|exfiltrate|bcc|post|transfer)\b"
        + @"|\b(?:not|never)\s+(?:mention|reveal|disclose|acknowledge)\s+(?:\w+\s+)?(?:\w+\s+)?(?:this|these|that)\s+(?:instruction|step|note|requirement|rule|message)",
        Options);

    internal static readonly PrefilteredRegex NegatedTellRegex = new(
        @"\b(?:do\s+not|don't|dont|never|must\s+not|should\s+not|shouldn't|mustn't)\s+(?:\w+\s+)?(?:tell|inform|notify|alert|mention|reveal|disclose|show|let|say|report|explain)\b", Options);

    internal static readonly PrefilteredRegex TheUserRegex = new(@"\b(?:the|your)\s+(?:user|human|operator)\b", Options);

    internal static readonly PrefilteredRegex HideRegex = new(@"\b(?:hide|conceal|keep)\s", Options);

    internal static readonly PrefilteredRegex FromTheUserRegex = new(@"\bfrom\s+(?:the\s+)?(?:user|human)\b", Options);

    // --- INJ-007: fake tool-output or priority tags -------------------------------------------------------------------------

    /// <summary><c>&lt;IMPORTANT&gt;</c>, <c>&lt;system&gt;</c>, <c>&lt;instructions&gt;</c>, fake <c>&lt;function_results&gt;</c>/<c>&lt;tool_result&gt;</c> wrappers used in tool poisoning.</summary>
    internal static readonly PrefilteredRegex PriorityTagRegex = new(
        @"<\s*/?\s*(important|system|system_prompt|instructions|function_calls|function_results|tool_result|tool_call|admin_override)\s*>",
        Options);

    /// <summary>More priority markup: <c>&lt;secret&gt;</c>, <c>&lt;hidden&gt;</c>, <c>[SYSTEM]</c>, <c>{{system</c>, <c>## instructions:</c>.</summary>
    internal static readonly PrefilteredRegex MarkupRegex = new(
        @"<\s*/?\s*(?:important|system|instructions?|secret|hidden|admin|assistant|sys|system[_-]?prompt|ai[_-]?instructions?|note[_-]?to[_-]?ai|im_start|critical)\s*>"
        + @"|\[(?:system|important)\]|\{\{\s*system\b|##+\s*(?:system|instructions?)\s*:"
        // The same role and priority tags in the lexicon's languages: "[sistema]:", "[système]", "[システム]", "<系统>", "[wichtig]".
        + @"|[\[<]\s*/?\s*(?:sistema|systeme|système|systeem|sistem|systém|systemet|järjestelmä|rendszer|система|системa|σύστημα|מערכת|نظام|سیستم|सिस्टम|系统|系統|システム|시스템|hệ\s+thống)\s*[\]>]"
        + @"|<\s*/?\s*(?:importante|wichtig|belangrijk|ważne|önemli|重要|важно|σημαντικό|مهم)\s*>",
        Options);

    // --- INJ-008: system-prompt extraction -----------------------------------------------------------------------------------

    /// <summary>reveal/print/repeat/output (your|the) (full|hidden|original) system prompt / initial instructions.</summary>
    internal static readonly PrefilteredRegex PromptExtractionRegex = new(
        @"\b(reveal|print|show|output|repeat|display|dump|leak|tell\s+me|write\s+out)\s+(me\s+)?(your|the)\s+((full|entire|original|hidden|initial|exact|complete)\s+)*(system\s+prompt|initial\s+instructions|hidden\s+instructions|system\s+message|developer\s+message)\b",
        Options);

    // --- INJ-009: safety-bypass framing -------------------------------------------------------------------------------------

    /// <summary>"pretend you have no restrictions", "no longer bound by", "without any ethical guidelines".</summary>
    internal static readonly PrefilteredRegex SafetyBypassRegex = new(
        @"\b(pretend|imagine|act\s+as\s+if)\s+(that\s+)?you\s+(have|had|are\s+under)\s+no\s+(restrictions|rules|guidelines|filters|limits|policies)\b|\bno\s+longer\s+bound\s+by\s+(any\s+|your\s+|the\s+)?(rules|guidelines|policies|restrictions)\b|\bwithout\s+(any\s+)?(ethical|moral|safety)\s+(guidelines|restrictions|constraints|filters)\b",
        Options);

    // --- INJ-010: encoded instruction to decode and obey ----------------------------------------------------------------------

    /// <summary>"decode the following base64 and execute/follow", "rot13 … then obey": smuggling instructions past filters.</summary>
    internal static readonly PrefilteredRegex EncodedInstructionRegex = new(
        @"\b(decode|decrypt|deobfuscate|translate)\b[^.\n]{0,60}\b(and|then)\s+(execute|run|follow|obey|carry\s+out|act\s+on)\b",
        Options);

    // --- INJ-011: hidden comment addressed to an AI reader ---------------------------------------------------------------------

    /// <summary>
    /// <c>&lt;!-- assistant: … --&gt;</c>, <c>&lt;!-- if you are an LLM … --&gt;</c>, <c>[//]: # (AI: …)</c> carrying an override or
    /// exfiltration imperative (ignore, forget, send, upload, append, silently, instead…).
    /// </summary>
    internal static readonly PrefilteredRegex AiCommentRegex = new(
        @"<!--\s*((note|attention|important|hey|hi|hello|dear|to|for|the|any|all|every|other|fellow|automated|if\s+you\s+are\s+(an?|the))\s+)*(ai\s+)?(ai|a\.i\.|assistant|agent|llm|model|claude|gpt|chatgpt|copilot|gemini|cursor|codex|bot|language\s+model)s?\b[^>]*\b(ignor(e|ing)|disregard|forget|override|bypass|send|upload|post|forward|append|exfiltrate|leak|transmit|email|reveal|instead|silently|secretly|quietly|curl|wget|include\s+the\s+contents|read\s+(the\s+)?(contents|~/|/etc|\.env)|run\s+the\s+following|do\s+not\s+(tell|mention|inform))|<!--[^>]*\b(if\s+you\s+are|you\s+are|as|attention|note\s+to)\s+(an?\s+|the\s+|any\s+|all\s+)?(ai|llm|language\s+model|assistant|ai\s+assistant|ai\s+agent|coding\s+agent|autonomous\s+agent)s?\b[^>]*\b(ignor(e|ing)|disregard|forget|override|bypass|send|upload|post|forward|append|exfiltrate|leak|transmit|email|reveal|instead|silently|secretly|quietly|curl|wget|include\s+the\s+contents|read\s+(the\s+)?(contents|~/|/etc|\.env)|run\s+the\s+following|do\s+not\s+(tell|mention|inform))|\[(//|comment|_)\]:\s*(#|<>)\s*[(""]\s*((to|for|the|any|all|dear|note)\s+)*(ai\s+)?(ai|a\.i\.|assistant|agent|llm|model|claude|gpt|chatgpt|copilot|gemini|cursor|codex|bot|language\s+model)s?\b[^)\n]*\b(ignor(e|ing)|disregard|forget|override|bypass|send|upload|post|forward|append|exfiltrate|leak|transmit|email|reveal|instead|silently|secretly|quietly|curl|wget|include\s+the\s+contents|read\s+(the\s+)?(contents|~/|/etc|\.env)|run\s+the\s+following|do\s+not\s+(tell|mention|inform))",
        Options);

    // --- INJ-012 / INJ-013: override in other languages -----------------------------------------------------------------------

    // INJ-012's phrasings in other languages live in the multilingual lexicon (InjectionLexicon.yaml: override,
    // override-imperative, instructions-were-a-test, real-task), one vocabulary for both directions.

    /// <summary>игнорируй(те)/забудь(те)/отбрось(те) + (все) (предыдущие…) инструкции|указания; не обращай внимания на предыдущие инструкции.</summary>
    internal static readonly PrefilteredRegex RussianOverrideRegex = new(
        @"(игнорируй|игнорируйте|проигнорируй|проигнорируйте|забудь|забудьте|отбрось|отбросьте)\s+(все\s+|всё\s+|свои\s+|твои\s+|ваши\s+)*((предыдущие|прежние|предшествующие|вышеуказанные|вышеприведённые|вышеприведенные|изначальные|системные)\s+)?(инструкции|указания|команды|правила|установки)|не\s+обращай(те)?\s+внимания\s+на\s+(все\s+)?(предыдущие|прежние)\s+(инструкции|указания)",
        Options | RegexOptions.IgnoreCase);

    /// <summary>
    /// Every phrase family, in rule order. The multilingual lexicon's combinations join the family of the rule they name
    /// (overrides and "your real task is" in any language: INJ-012; concealment: INJ-006; decode-and-obey: INJ-010).
    /// </summary>
    public static IReadOnlyList<InjectionPhrase> All { get; } =
    [
        new(InjectionRules.Override, InstructionSignals.Override, [OverrideRegex, VoidedInstructionsRegex], [new(OverrideVerbRegex, OverrideObjectRegex, 30)]),
        new(InjectionRules.JailbreakPersona, InstructionSignals.Override, [JailbreakPersonaRegex], []),
        new(InjectionRules.ChatTemplate, InstructionSignals.HiddenMarkup, [ChatTemplateRegex], []),
        new(InjectionRules.RoleReassignment, InstructionSignals.Override, [RoleReassignmentRegex], []),
        new(InjectionRules.SecretExfiltration, InstructionSignals.Exfiltration, [SecretExfiltrationRegex], []),
        new(InjectionRules.Concealment, InstructionSignals.Concealment, [ConcealFromUserRegex, ConcealmentRegex], [new(NegatedTellRegex, TheUserRegex, 30), new(HideRegex, FromTheUserRegex, 40)], Lexicon: InjectionLexicon.Default.ForRule(InjectionRules.Concealment.Id)),
        new(InjectionRules.PriorityTags, InstructionSignals.HiddenMarkup, [PriorityTagRegex, MarkupRegex], []),
        new(InjectionRules.PromptExtraction, InstructionSignals.SensitiveFileRead, [PromptExtractionRegex], []),
        new(InjectionRules.SafetyBypass, InstructionSignals.Override, [SafetyBypassRegex], []),
        new(InjectionRules.EncodedInstruction, InstructionSignals.Override, [EncodedInstructionRegex], [], Lexicon: InjectionLexicon.Default.ForRule(InjectionRules.EncodedInstruction.Id)),
        new(InjectionRules.AiComment, InstructionSignals.HiddenMarkup | InstructionSignals.ModelAddressed, [AiCommentRegex], []),
        new(InjectionRules.ForeignOverride, InstructionSignals.Override, [], [], Lexicon: InjectionLexicon.Default.ForRule(InjectionRules.ForeignOverride.Id)),
        new(InjectionRules.RussianOverride, InstructionSignals.Override, [RussianOverrideRegex], [], MatchDecoded: true),
    ];
}
