//! What the search box searches: the notes, or the pages of the sources' documents ("Find in
//! sources"). One query language for both; the choice is remembered in the settings. The switch
//! that changes it is `scope_switch`.

/// Where the search box looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    #[default]
    Notes,
    Sources,
}

impl Scope {
    /// The other scope (what Ctrl+Shift+F switches to).
    pub fn other(self) -> Self {
        match self {
            Scope::Notes => Scope::Sources,
            Scope::Sources => Scope::Notes,
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Scope::Notes => "Notes",
            Scope::Sources => "Sources",
        }
    }

    /// The name AccessKit gives its button.
    pub(crate) fn accessible(self) -> &'static str {
        match self {
            Scope::Notes => "Find in notes",
            Scope::Sources => "Find in sources",
        }
    }
}
