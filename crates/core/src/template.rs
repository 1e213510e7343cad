//! The known shapes an update starts from — the weekly exec update, the
//! go/no-go, the quarterly business review, the incident summary — each
//! with what to write in each beat, an example, and what the coach expects
//! of it ([`crate::coach`] applies those expectations through the one
//! status lifecycle).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::UpdateFields;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TemplateId {
    WeeklyUpdate,
    GoNoGo,
    Qbr,
    IncidentSummary,
}

impl TemplateId {
    pub const ALL: [TemplateId; 4] = [
        TemplateId::WeeklyUpdate,
        TemplateId::GoNoGo,
        TemplateId::Qbr,
        TemplateId::IncidentSummary,
    ];

    /// The name in story files (`template: go-no-go`) and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateId::WeeklyUpdate => "weekly-update",
            TemplateId::GoNoGo => "go-no-go",
            TemplateId::Qbr => "qbr",
            TemplateId::IncidentSummary => "incident-summary",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|t| t.as_str() == wanted)
    }

    /// The names, for an error that lists them.
    pub fn names() -> String {
        Self::ALL
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn template(self) -> &'static Template {
        match self {
            TemplateId::WeeklyUpdate => &WEEKLY,
            TemplateId::GoNoGo => &GO_NO_GO,
            TemplateId::Qbr => &QBR,
            TemplateId::IncidentSummary => &INCIDENT,
        }
    }
}

/// What one beat of a template asks for, with an example answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct BeatPrompt {
    pub prompt: &'static str,
    pub example: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Template {
    pub id: TemplateId,
    pub label: &'static str,
    /// When to use it, in one line.
    pub purpose: &'static str,
    pub title: BeatPrompt,
    pub context: BeatPrompt,
    pub conflict: BeatPrompt,
    pub resolution: BeatPrompt,
    pub evidence: BeatPrompt,
    /// What the coach checks on top of its rules, said to the PM.
    pub expectations: &'static [&'static str],
}

impl Template {
    /// A new update in this shape: empty beats (the prompts show as
    /// placeholders) and the template kept.
    pub fn new_update(&self, date: &str) -> UpdateFields {
        UpdateFields {
            date: date.to_owned(),
            template: Some(self.id),
            ..UpdateFields::default()
        }
    }

    /// The template as a story file to fill in: the template kept in the
    /// front matter, each beat's prompt and example as front-matter
    /// comments (`# …`, which the story reader skips), and the four beats
    /// empty under their headings.
    pub fn skeleton(&self, date: &str) -> String {
        let mut out = format!(
            "---\ntitle: \"\"\naudience: \"\"\npriority: \"\"\nstatus: draft\ndate: {date}\ntemplate: {}\n",
            self.id.as_str()
        );
        out.push_str(&format!("# {}: {}.\n", self.label, self.purpose));
        for (name, beat) in [
            ("Title", &self.title),
            ("Context", &self.context),
            ("Conflict", &self.conflict),
            ("Resolution", &self.resolution),
            ("Evidence", &self.evidence),
        ] {
            out.push_str(&format!(
                "# {name}: {} e.g. “{}”\n",
                beat.prompt, beat.example
            ));
        }
        out.push_str(&format!(
            "# The coach expects: {}.\n---\n",
            self.expectations.join("; ")
        ));
        for heading in ["Context", "Conflict", "Resolution", "Evidence"] {
            out.push_str(&format!("\n## {heading}\n"));
        }
        out
    }
}

static WEEKLY: Template = Template {
    id: TemplateId::WeeklyUpdate,
    label: "Weekly exec update",
    purpose: "what moved this week, what is in the way, and what you need",
    title: BeatPrompt {
        prompt: "The week's takeaway with its number",
        example: "Checkout conversion up 0.8 points after the address fix",
    },
    context: BeatPrompt {
        prompt: "Where the goal stands this week.",
        example: "We are at 3.4% checkout conversion against a 3.8% target for the quarter.",
    },
    conflict: BeatPrompt {
        prompt: "What is in the way, or what changed.",
        example: "Mobile Safari users drop at the address form; they are 40% of traffic.",
    },
    resolution: BeatPrompt {
        prompt: "What happens next, who does it, by when — and what you need.",
        example: "The checkout squad ships autocomplete by Friday; we need one design review.",
    },
    evidence: BeatPrompt {
        prompt: "This week against last week (or the baseline).",
        example: "Conversion 3.4% this week vs 2.6% last week, 41k sessions.",
    },
    expectations: &["the evidence compares this week with last week or a baseline"],
};

static GO_NO_GO: Template = Template {
    id: TemplateId::GoNoGo,
    label: "Go / no-go",
    purpose: "a decision to take now, with the bar it is judged by",
    title: BeatPrompt {
        prompt: "The recommendation and why",
        example: "Go: roll the new pricing page out to all markets on 15 January",
    },
    context: BeatPrompt {
        prompt: "The bet and the bar you agreed to judge it by.",
        example:
            "We piloted the pricing page in two markets; the bar was +1 point of trial-to-paid.",
    },
    conflict: BeatPrompt {
        prompt: "What argues against going, or what is at stake if we wait.",
        example: "Support tickets rose 12% in the pilot markets; a delay costs the Q1 launch.",
    },
    resolution: BeatPrompt {
        prompt:
            "The decision, who acts, the decision date — and the kill criterion that would stop it.",
        example:
            "Go on 15 January; the web team rolls out; we halt if refunds pass 3% by 15 February.",
    },
    evidence: BeatPrompt {
        prompt: "The pilot's result against the bar.",
        example: "Trial-to-paid 10.4% vs 9.1% in control (1,420 and 1,410 trials).",
    },
    expectations: &[
        "the resolution states the decision date",
        "a decision journal with a kill criterion is linked",
    ],
};

static QBR: Template = Template {
    id: TemplateId::Qbr,
    label: "Quarterly business review",
    purpose: "the quarter against its targets, and the bets for the next one",
    title: BeatPrompt {
        prompt: "The quarter in one sentence, against target",
        example: "Q4 closed at 104% of the NRR target; expansion carried it",
    },
    context: BeatPrompt {
        prompt: "The quarter's targets and where each landed.",
        example: "NRR 112% against a 108% target; new logos 41 against 50.",
    },
    conflict: BeatPrompt {
        prompt: "The gap that matters most next quarter.",
        example: "New-logo growth missed for the second quarter; the pipeline is thin in EMEA.",
    },
    resolution: BeatPrompt {
        prompt: "Next quarter's bets, owners and dates.",
        example:
            "Sales moves two reps to EMEA in January; marketing runs the partner launch in Q1.",
    },
    evidence: BeatPrompt {
        prompt: "The figures against target or plan.",
        example: "NRR 112% vs 108% target; pipeline coverage 2.1× vs 3× plan.",
    },
    expectations: &["the evidence compares the figures with their target or plan"],
};

static INCIDENT: Template = Template {
    id: TemplateId::IncidentSummary,
    label: "Incident summary",
    purpose: "what broke, what it cost, why, and the fix with its owner",
    title: BeatPrompt {
        prompt: "What happened and that it is fixed",
        example: "Checkout was down 47 minutes on 3 December; the cause is fixed",
    },
    context: BeatPrompt {
        prompt: "The impact: who was affected, for how long, what it cost.",
        example: "For 47 minutes 18% of checkouts failed: about 2,300 orders, $180k in sales.",
    },
    conflict: BeatPrompt {
        prompt: "The cause.",
        example: "An expired certificate on the payment gateway, because renewal was manual.",
    },
    resolution: BeatPrompt {
        prompt: "The fix, who owns it, and by when.",
        example: "The platform team automated renewal on 4 December and adds an expiry alarm by 11 December.",
    },
    evidence: BeatPrompt {
        prompt: "How we know it is fixed (or the timeline).",
        example: "Zero failed payments since 09:47; renewal tested against a staging certificate.",
    },
    expectations: &[
        "the context states the impact with a number",
        "the conflict states the cause",
        "the resolution names the fix's owner and date",
    ],
};
