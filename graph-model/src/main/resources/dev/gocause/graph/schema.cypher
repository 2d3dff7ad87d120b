// gocause graph schema, applied idempotently by dev.gocause.graph.load.GraphSchema before every load.
// Statements are separated by ';' at the end of a line. Comment lines start with '//'.
// Changing an index definition here: GraphSchema drops and recreates a full-text index whose
// labels, properties or analyzer differ from this file (IF NOT EXISTS alone would keep the old one).

CREATE CONSTRAINT section_id_unique IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dimension_id_unique IF NOT EXISTS FOR (n:Dimension) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT primitive_id_unique IF NOT EXISTS FOR (n:Primitive) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT symptom_id_unique IF NOT EXISTS FOR (n:Symptom) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT signature_id_unique IF NOT EXISTS FOR (n:Signature) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT root_cause_id_unique IF NOT EXISTS FOR (n:RootCause) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT command_id_unique IF NOT EXISTS FOR (n:Command) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fix_id_unique IF NOT EXISTS FOR (n:Fix) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT correction_id_unique IF NOT EXISTS FOR (n:Correction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_id_unique IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT knowledge_base_id_unique IF NOT EXISTS FOR (n:KnowledgeBase) REQUIRE n.id IS UNIQUE;

// Chinese text (names, aliases, descriptions ...) joined into searchZh by the loader; cjk indexes character pairs.
CREATE FULLTEXT INDEX searchZh IF NOT EXISTS FOR (n:Section|Dimension|Primitive|Symptom|Signature|RootCause|Command|Fix|Correction|Case) ON EACH [n.searchZh]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

// English text joined into searchEn. A distinct property from searchZh on purpose: Neo4j skips a second
// full-text index over the same labels and properties even when its analyzer differs.
CREATE FULLTEXT INDEX searchEn IF NOT EXISTS FOR (n:Section|Dimension|Primitive|Symptom|Signature|RootCause|Command|Fix|Correction|Case) ON EACH [n.searchEn]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard'}};
