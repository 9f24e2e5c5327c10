//! The little SQL a store needs from its database, so that the ledger's queries and its
//! linking are written once for SQLite and PostgreSQL alike.
//!
//! Statements are written in the common subset of both dialects, with SQLite's numbered
//! parameters (`?1`) and lists read as `IN (SELECT value FROM json_each(?1))`; the
//! PostgreSQL backend rewrites those two forms once per statement (see
//! [`crate::postgres`]) and defines the two SQLite functions the queries call (`ifnull`,
//! `instr`). Values travel as [`Param`]s and come back as [`Row`]s of [`Cell`]s: an
//! integer column is `i64` on both sides, and a flag is an integer 0 or 1.

use crate::{Error, Result};

/// A value bound to a statement's parameter.
#[derive(Debug, Clone, Copy)]
pub enum Param<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
    /// A list, read as `IN (SELECT value FROM json_each(?N))`.
    Ints(&'a [i64]),
    Texts(&'a [&'a str]),
}

/// A value as read from a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

pub trait ToParam {
    fn param(&self) -> Param<'_>;
}

impl ToParam for i64 {
    fn param(&self) -> Param<'_> {
        Param::Int(*self)
    }
}

impl ToParam for bool {
    fn param(&self) -> Param<'_> {
        Param::Int(i64::from(*self))
    }
}

impl ToParam for f64 {
    fn param(&self) -> Param<'_> {
        Param::Real(*self)
    }
}

impl ToParam for str {
    fn param(&self) -> Param<'_> {
        Param::Text(self)
    }
}

impl ToParam for String {
    fn param(&self) -> Param<'_> {
        Param::Text(self)
    }
}

impl ToParam for Vec<u8> {
    fn param(&self) -> Param<'_> {
        Param::Blob(self)
    }
}

impl ToParam for Vec<i64> {
    fn param(&self) -> Param<'_> {
        Param::Ints(self)
    }
}

impl ToParam for Vec<&str> {
    fn param(&self) -> Param<'_> {
        Param::Texts(self)
    }
}

impl<T: ToParam + ?Sized> ToParam for &T {
    fn param(&self) -> Param<'_> {
        (**self).param()
    }
}

impl<T: ToParam> ToParam for Option<T> {
    fn param(&self) -> Param<'_> {
        self.as_ref().map_or(Param::Null, ToParam::param)
    }
}

/// The parameters of one statement: `args![article, title]`.
macro_rules! args {
    ($($value:expr),* $(,)?) => { &[$($crate::sql::ToParam::param(&$value)),*] as &[$crate::sql::Param] };
}
pub(crate) use args;

/// One result row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub Vec<Cell>);

impl Row {
    /// Column `i` as `T`, or an error naming the column and what it held.
    pub fn get<T: FromCell>(&self, i: usize) -> Result<T> {
        let cell = self.0.get(i).unwrap_or(&Cell::Null);
        T::from_cell(cell).ok_or_else(|| Error { message: format!("column {i} holds {cell:?}, not {}", std::any::type_name::<T>()) })
    }
}

pub trait FromCell: Sized {
    fn from_cell(cell: &Cell) -> Option<Self>;
}

impl FromCell for i64 {
    fn from_cell(cell: &Cell) -> Option<i64> {
        match cell {
            Cell::Int(v) => Some(*v),
            _ => None,
        }
    }
}

impl FromCell for bool {
    fn from_cell(cell: &Cell) -> Option<bool> {
        i64::from_cell(cell).map(|v| v != 0)
    }
}

impl FromCell for f64 {
    fn from_cell(cell: &Cell) -> Option<f64> {
        match cell {
            Cell::Real(v) => Some(*v),
            Cell::Int(v) => Some(*v as f64),
            _ => None,
        }
    }
}

impl FromCell for String {
    fn from_cell(cell: &Cell) -> Option<String> {
        match cell {
            Cell::Text(v) => Some(v.clone()),
            _ => None,
        }
    }
}

impl FromCell for Vec<u8> {
    fn from_cell(cell: &Cell) -> Option<Vec<u8>> {
        match cell {
            Cell::Blob(v) => Some(v.clone()),
            _ => None,
        }
    }
}

impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(cell: &Cell) -> Option<Option<T>> {
        match cell {
            Cell::Null => Some(None),
            other => T::from_cell(other).map(Some),
        }
    }
}

/// A database connection as the ledger uses it. Statements are cached by their text,
/// so each is prepared once per connection.
pub trait Backend {
    /// Runs one statement and returns every row it yields.
    fn rows(&self, sql: &str, args: &[Param]) -> Result<Vec<Row>>;
    /// Runs one statement that yields no rows; how many rows it changed.
    fn run(&self, sql: &str, args: &[Param]) -> Result<u64>;
    /// Writes rows of `width` values each: `head` is `INSERT INTO t (a, b)`, `tail` what
    /// follows the rows (an `ON CONFLICT` clause, or nothing). A server database gets them
    /// in few statements, since each statement there is a round trip.
    fn insert(&self, head: &str, width: usize, values: &[Param], tail: &str) -> Result<()>;
    /// Opens the transaction of one filing, holding the write lock from its start where
    /// the database has one.
    fn begin(&self) -> Result<()>;
    fn commit(&self) -> Result<()>;
    fn rollback(&self) -> Result<()>;
    /// Adds an article to the full-text index (the last write of a filing).
    fn index_for_search(&self, article: i64, title: Option<&str>, body: &str) -> Result<()>;
    /// Articles holding every word (lower case, letters and digits only), best first.
    fn search_articles(&self, words: &[String], limit: usize) -> Result<Vec<i64>>;

    /// The first row, if any.
    fn row(&self, sql: &str, args: &[Param]) -> Result<Option<Row>> {
        Ok(self.rows(sql, args)?.into_iter().next())
    }

    /// Column 0 of the first row, which must exist.
    fn value<T: FromCell>(&self, sql: &str, args: &[Param]) -> Result<T> {
        match self.row(sql, args)? {
            Some(row) => row.get(0),
            None => Err(Error { message: format!("no row from {sql}") }),
        }
    }

    /// Whether the statement yields a row.
    fn exists(&self, sql: &str, args: &[Param]) -> Result<bool> {
        Ok(self.row(sql, args)?.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_convert_or_say_what_they_held() {
        let row = Row(vec![Cell::Int(1), Cell::Null, Cell::Text("x".into())]);
        assert!(row.get::<bool>(0).unwrap());
        assert_eq!(row.get::<Option<String>>(1).unwrap(), None);
        assert_eq!(row.get::<f64>(0).unwrap(), 1.0);
        let wrong = row.get::<i64>(2).unwrap_err().message;
        assert!(wrong.contains("column 2") && wrong.contains("Text"), "{wrong}");
    }
}
