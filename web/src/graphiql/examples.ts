/**
 * The README's example operations, one click away in the explorer (its Examples list, and
 * the tabs a first visit opens). They run on the sample ecosystem; a PARTNER token sees
 * what its scope allows and is refused the rest, as everywhere.
 */
export interface Example {
  title: string;
  query: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    title: 'Who am I?',
    query: `# Who this session or token is: role, and the partner of a PARTNER token.
query Viewer {
  viewer { role partner { id name } }
}
`,
  },
  {
    title: 'An engagement and its roles',
    query: `query Engagement {
  engagement(id: "e-claims-copilot") {
    name
    orchestrator { name }
    roleHistory { partner { id } role from to }
  }
}
`,
  },
  {
    title: 'Who owned the failed outcome?',
    query: `query Accountability {
  accountability(outcomeId: "o-claims-speed") {
    accountable { name }
    rootCauses { commitment { id owner { name } engagement { name } } path { id } }
    propagated { id }
    responsible { partner { name } share role }
  }
}
`,
  },
  {
    title: 'Outcomes at risk',
    query: `query AtRisk {
  atRiskOutcomes(asOf: "2026-12-05", filter: { partnerId: "p-tessellate" }) {
    edges { node {
      outcome { id description dueDate } daysToDue reasons
      orchestratorNow { name } orchestratorOnDueDate { name }
      defective { id owner { name } status } overdue { id owner { name } dueDate }
    } }
  }
}
`,
  },
  {
    title: 'What if a partner left?',
    query: `query ExitImpact {
  exitImpact(partnerIds: ["p-hoshimi"]) {
    orphanedEngagements { id name } atRiskCommitments { id }
    newlyUncovered { region { code } capability { id } }
    newlySinglePoint { region { code } capability { id } partners { id } }
  }
}
`,
  },
  {
    title: 'A scenario, nothing written',
    query: `query Scenario {
  scenario(input: {
    exits: ["p-brightwater"]
    joins: [{ id: "p-dykstra", name: "Dykstra CRM Partners", type: AI_NATIVE, regions: ["NL", "DE"],
              capabilities: [{ capability: "crm", level: 4 }, { capability: "genai", level: 3 }] }]
    handovers: [{ engagementId: "e-123", partnerId: "p-dykstra", from: "2026-12-05" }]
  }) {
    coverage { before { region { code } capability { id } status } after { status partners { name } } }
    orphanedEngagements { id } adoptedEngagements { id }
    healthBefore { valueGini } healthAfter { valueGini }
  }
}
`,
  },
];
